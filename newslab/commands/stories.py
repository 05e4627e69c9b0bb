"""`newslab stories PATH -o stories.csv`: the story each article tells."""

from __future__ import annotations

import argparse
import sys

from newslab.commands._common import add_corpus_and_output, write_csv


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `stories` subcommand."""
    p = sub.add_parser(
        "stories",
        help="group articles into stories and write doc_id, story, title as CSV",
        description="Cluster articles into stories (the number of stories is found) and write "
        "doc_id, story, title; story 0 is the largest.",
    )
    add_corpus_and_output(p)
    p.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="merge threshold, 0-1; higher gives more, tighter stories (default: 0.21)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the corpus, cluster it, write the CSV, report counts on stderr."""
    from newslab import cluster_stories, load_corpus

    corpus = load_corpus(args.path)
    stories = cluster_stories(corpus, threshold=args.threshold, progress=True)
    table = stories.to_frame()
    table["title"] = corpus["title"].to_numpy()
    table = table.sort_values(["story"], kind="stable")
    write_csv(table, args.out)
    print(f"{len(corpus)} articles in {stories.nunique()} stories", file=sys.stderr)
    return 0
