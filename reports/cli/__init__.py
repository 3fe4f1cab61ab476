"""The ``convproof`` command: verify, claims, report, table, check.

Each subcommand lives in its own module of this package with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``. Only the module of the command
being run is imported (``check`` then starts without building the report's machinery);
the others are listed by name and summary. A :class:`ConvproofError` becomes one line
on stderr and exit code 2; no traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import re
import signal
import sys

from ...derivations.errors import ConvproofError

# command -> its summary in `convproof --help` (the module's own parser gives the details)
COMMANDS = {
    "verify": "run every check and print a verdict per claim",
    "claims": "list the claims: id, where and verbatim source",
    "report": "verify, write report.tex and build report.pdf (en, fa or both)",
    "table": "output shape, parameters and receptive field of every layer of a network",
    "check": "judge a formula: against a claim of the report or another formula",
    "audit": "audit student reports (Markdown or LaTeX): verdicts per formula, not answered, class summary",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits with 2."""

    def error(self, message: str):
        self.exit(2, f"convproof: error: {_short(message)} (see '{self.prog} --help')\n")


def _short(message: str) -> str:
    """An argparse message with every long quoted argument cut, on one line (it may quote 70 KB).

    >>> _short("invalid choice: '" + "x" * 500 + "' (choose from 'en', 'fa')")
    "invalid choice: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (choose from 'en', 'fa')"
    """
    message = re.sub(r"'([^'\n]{38})[^'\n]{3,}'", r"'\1'...", " ".join(message.split()))
    message = re.sub(r"(\S{60})\S{20,}", r"\1...", message)
    return message if len(message) <= 400 else message[:397] + "..."


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised like Ctrl-C so that every clean-up runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum, frame):
    raise Terminated(signum)


@contextlib.contextmanager
def _clean_exit_on_signals():
    """While a command runs, SIGTERM and SIGHUP clean up as SIGINT does (temporary folders removed)."""
    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    try:
        previous = {name: signal.signal(getattr(signal, name), _terminate) for name in names}
    except ValueError:  # not the main thread: leave the handlers alone
        yield
        return
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that command is built in full (the rest by name)."""
    parser = _Parser(
        prog="convproof",
        description="Audit the closed-form claims of a CNN report: encode, derive, check, report.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, summary in COMMANDS.items():
        if only is not None and name != only:
            sub.add_parser(name, help=summary)
            continue
        module = importlib.import_module(f".{name}", __package__)
        command = module.add_parser(sub)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    chosen = next((word for word in argv if not word.startswith("-")), None)
    parser = build_parser(chosen if chosen in COMMANDS else None)
    args = parser.parse_args(argv)
    try:
        with _clean_exit_on_signals():
            return args.handler(args)
    except ConvproofError as exc:
        print(f"convproof: error: {exc}", file=sys.stderr)
        return 2
    except Terminated as stop:
        print(f"convproof: stopped by {signal.Signals(stop.signum).name}", file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        print("convproof: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
