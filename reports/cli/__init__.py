"""The ``convproof`` command: verify, claims, report, table, check.

Each subcommand lives in its own module of this package with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``. A :class:`ConvproofError`
becomes one line on stderr and exit code 2; no traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ...derivations.errors import ConvproofError

COMMANDS = ("verify", "claims", "report", "table", "check")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits with 2."""

    def error(self, message: str):
        self.exit(2, f"convproof: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="convproof",
        description="Audit the closed-form claims of a CNN report: encode, derive, check, report.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f".{name}", __package__)
        command = module.add_parser(sub)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ConvproofError as exc:
        print(f"convproof: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("convproof: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
