"""`newslab quotes PATH -o quotes.csv`: every quote event of a corpus as CSV."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `quotes` subcommand."""
    p = sub.add_parser(
        "quotes",
        help="who is quoted: quote events and speakers (CSV)",
        description="Extract quote events (speaker, kind, role, gender, direct/indirect, cue, "
        "quote, sentence and its offsets in the article text) and write them as CSV.",
    )
    p.add_argument("path", help="folder or file of articles")
    p.add_argument("-o", "--out", default="-", help="output CSV file (default: standard output)")
    p.add_argument(
        "--canonical",
        action="store_true",
        help="add a `canonical` column that names each speaker the same way across articles",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract the quotes and write the CSV."""
    import newslab

    corpus = newslab.load_corpus(args.path)
    quotes = newslab.extract_quotes(corpus)
    if args.canonical:
        quotes = newslab.canonical_speakers(quotes)
    if args.out == "-":
        quotes.to_csv(sys.stdout, index=False)
    else:
        quotes.to_csv(args.out, index=False)
        print(
            f"{len(quotes)} quote events from {quotes['doc_id'].nunique()} of {len(corpus)} "
            f"articles -> {args.out}",
            file=sys.stderr,
        )
    return 0
