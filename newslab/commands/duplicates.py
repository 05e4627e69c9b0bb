"""`newslab duplicates PATH -o pairs.csv`: pairs of articles that are the same article."""

from __future__ import annotations

import argparse
import sys

from newslab.commands._common import add_corpus_and_output, write_csv


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `duplicates` subcommand."""
    p = sub.add_parser(
        "duplicates",
        help="find republished copies (exact, near, contained) and write them as CSV",
        description="Find pairs of articles that are the same article republished, on "
        "normalised syllable shingles, and write doc_a, doc_b, similarity, containment, kind.",
    )
    add_corpus_and_output(p)
    p.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="minimum containment, 0-1 (default: 0.8, chosen on vims-dev)",
    )
    p.add_argument("--passages", metavar="CSV", help="also write the reused passages of each pair")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the corpus, find duplicates, write the CSV, report counts on stderr."""
    from newslab import find_duplicates, load_corpus, reused_passages

    corpus = load_corpus(args.path)
    pairs = find_duplicates(corpus, threshold=args.threshold, progress=True)
    write_csv(pairs, args.out, index=False)
    if args.passages:
        found = reused_passages(corpus, pairs=list(zip(pairs.doc_a, pairs.doc_b, strict=True)))
        found.to_csv(args.passages, index=False)
    kinds = pairs["kind"].value_counts().to_dict()
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none"
    print(f"{len(corpus)} articles, {len(pairs)} duplicate pairs ({summary})", file=sys.stderr)
    return 0
