"""`newslab report PATH --out DIR`: every notebook run on a corpus, as HTML."""

from __future__ import annotations

import argparse

from newslab.commands._common import CORPUS_HELP
from newslab.report import build_report


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `report` subcommand."""
    p = sub.add_parser("report", help="run the notebooks on a corpus and write an HTML report",
                       description="Run every notebook on PATH and write HTML pages into --out.")
    p.add_argument("path", help=CORPUS_HELP)
    p.add_argument("--out", "-o", default="reports", help="output folder (default: reports)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the report and print where it is."""
    try:
        index = build_report(args.path, args.out)
    except RuntimeError as exc:
        print(f"newslab report: {exc}")
        return 1
    print(f"report written: {index}")
    return 0
