"""`newslab quotes PATH -o quotes.csv`: every quote event of a corpus as CSV."""

from __future__ import annotations

import argparse
import sys

from newslab.commands._common import add_corpus_and_output, write_csv


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `quotes` subcommand."""
    p = sub.add_parser(
        "quotes",
        help="who is quoted: quote events and speakers (CSV)",
        description="Extract quote events (speaker, kind, role, gender, direct/indirect, cue, "
        "quote, sentence and its offsets in the article text) and write them as CSV.",
    )
    add_corpus_and_output(p)
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
    write_csv(quotes, args.out, index=False)
    if args.out != "-":
        print(
            f"{len(quotes)} quote events from {quotes['doc_id'].nunique()} of {len(corpus)} "
            f"articles -> {args.out}",
            file=sys.stderr,
        )
    return 0
