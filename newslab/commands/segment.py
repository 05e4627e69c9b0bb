"""`newslab segment PATH [--pyvi] [-o FILE]`: word-segment text files, one line in, one line out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `segment` subcommand."""
    p = sub.add_parser(
        "segment",
        help="word-segment Vietnamese text (syllables of a word joined by _)",
        description="Segment each line of a text file (or of every .txt file in a folder, or of "
        "standard input with '-') and write one line of space-separated words per input line. "
        "Uses newslab.segment (names, dates and abbreviations whole); --pyvi gives pyvi's exact "
        "output instead. Results are cached on disk (see NEWSLAB_CACHE_DIR).",
    )
    p.add_argument("path", help="a .txt file, a folder of .txt files, or - for standard input")
    p.add_argument("--pyvi", action="store_true", help="pyvi-identical output (newslab.tokenize)")
    p.add_argument("-j", "--jobs", type=int, default=-1, help="worker processes (default: all cores)")
    p.add_argument("-o", "--out", default="-", help="output file (default: standard output)")
    p.set_defaults(func=run)


def _read_lines(path: str) -> list[str]:
    if path == "-":
        return sys.stdin.read().splitlines()
    p = Path(path)
    if p.is_dir():
        files = sorted(p.rglob("*.txt"))
        if not files:
            raise FileNotFoundError(f"no .txt files under {p}")
    elif p.is_file():
        files = [p]
    else:
        raise FileNotFoundError(f"{p} does not exist; give a .txt file, a folder or -")
    lines: list[str] = []
    for f in files:
        try:
            lines.extend(f.read_text("utf-8-sig").splitlines())
        except UnicodeDecodeError as exc:
            raise ValueError(f"{f} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return lines


def run(args: argparse.Namespace) -> int:
    """Segment the lines and write them."""
    import newslab

    lines = _read_lines(args.path)
    if args.pyvi:
        out = newslab.tokenize_many(lines, n_jobs=args.jobs)
    else:
        out = [" ".join(words) for words in newslab.segment_many(lines, n_jobs=args.jobs)]
    text = "".join(line + "\n" for line in out)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0
