"""The `newslab` command line.

Each subcommand lives in its own module under `newslab.commands` and defines
`add_parser(subparsers)`; the parser it adds sets `func`, called with the parsed args.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from newslab import __version__, commands


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand found in `newslab.commands`."""
    parser = argparse.ArgumentParser(
        prog="newslab",
        description="Explore Vietnamese news: duplicates, stories, topic terms, who is quoted.",
    )
    parser.add_argument("--version", action="version", version=f"newslab {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"newslab.commands.{info.name}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the `newslab` command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except (FileNotFoundError, ValueError) as exc:
        print(f"newslab {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
