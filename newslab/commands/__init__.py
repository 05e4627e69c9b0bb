"""Subcommands of the `newslab` CLI, one module each (see `newslab.cli`)."""
