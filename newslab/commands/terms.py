"""`newslab terms PATH --by story|source|none -o terms.csv`: top terms per group as CSV."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from newslab.commands._common import add_corpus_and_output, write_csv
from newslab.plots_corpus import UNKNOWN_OUTLET

_BY = ("story", "source", "none")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `terms` subcommand."""
    p = sub.add_parser(
        "terms",
        help="top terms per article, story or outlet (CSV)",
        description="Rank the terms of each article (--by none, TF-IDF), or of each story or "
        "outlet (class-based TF-IDF), and write them as CSV with columns group, term, score, rank.",
    )
    add_corpus_and_output(p)
    p.add_argument("--by", choices=_BY, default="story", help="grouping (default: story)")
    p.add_argument("-n", type=int, default=10, help="terms per group (default: 10)")
    p.set_defaults(func=run)


def _story_labels(corpus: pd.DataFrame) -> pd.Series:
    import newslab

    if "story" in corpus.columns:
        return corpus["story"]
    cluster = getattr(newslab, "cluster_stories", None)
    if cluster is None:
        raise ValueError(
            "--by story needs newslab.cluster_stories, which this version lacks; "
            "use --by source or --by none"
        )
    stories = cluster(corpus)
    if isinstance(stories, pd.DataFrame):
        if "story" not in stories.columns:
            raise ValueError("newslab.cluster_stories returned no `story` column")
        stories = stories["story"]
    return stories


def run(args: argparse.Namespace) -> int:
    """Compute the terms and write the CSV."""
    import newslab

    corpus = newslab.load_corpus(args.path)
    if args.by == "none":
        by = None
    elif args.by == "source":
        # Keep articles whose outlet the text does not name, as a group of their own.
        by = corpus["source"].fillna(UNKNOWN_OUTLET)
    else:
        by = _story_labels(corpus)
    terms = newslab.topic_terms(corpus, by=by, n=args.n, progress=True)
    terms["score"] = terms["score"].round(6)
    write_csv(terms, args.out, index=False)
    if args.out != "-":
        print(f"{len(terms)} terms for {terms['group'].nunique()} groups written to {args.out}",
              file=sys.stderr)
    return 0
