"""Arguments and output shared by the subcommands that read a corpus and write a table."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

CORPUS_HELP = "folder or file of articles (txt, html, json, jsonl(.gz), csv, parquet)"


def add_corpus_and_output(p: argparse.ArgumentParser) -> None:
    """Add the `PATH` argument and `-o/--out` (CSV file, `-` for standard output)."""
    p.add_argument("path", help=CORPUS_HELP)
    p.add_argument("-o", "--out", "--output", dest="out", default="-",
                   help="CSV file to write (default: standard output)")


def write_csv(frame: pd.DataFrame, out: str, **kwargs: object) -> None:
    """Write `frame` as CSV to the file `out`, or to standard output for `-`."""
    frame.to_csv(sys.stdout if out == "-" else out, **kwargs)
