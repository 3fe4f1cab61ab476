"""The harness of the hostile-input table (tests/test_bad_input*.py): one row, one bad input.

Each row is an API call or a command line. An API call must raise the row's
:class:`~convproof.derivations.errors.ConvproofError` subclass; a command line must exit
with 2 and print exactly one line on stderr (no traceback), and a command that fails in
its handler must raise the row's error type there. In both, the message must contain every
``says`` fragment (the input it names, and what would be right), and the scratch folder
the row may write into must be exactly as before: the same names, kinds, modes and bytes.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from convproof.derivations.errors import ConvproofError
from convproof.reports.cli import build_parser, main


@dataclass(frozen=True)
class Row:
    """One bad input: an API call (``call``) or a command line (``argv``, with ``{tmp}`` for a scratch folder)."""

    id: str
    error: type[ConvproofError] | None  # None: rejected by argparse before any of our code runs
    says: tuple[str, ...]
    call: Callable[[], object] | None = None
    argv: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()


def api(id: str, call: Callable[[], object], error: type[ConvproofError], *says: str) -> Row:
    return Row(id, error, says, call=call)


def cli(id: str, argv: str | list[str], error: type[ConvproofError] | None, *says: str, env=()) -> Row:
    return Row(id, error, says, argv=tuple(argv.split() if isinstance(argv, str) else argv), env=tuple(env))


def ids(table: list[Row]) -> list[str]:
    assert len({row.id for row in table}) == len(table), "row ids must be unique"
    return [row.id for row in table]


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder``, links and devices included: kind, mode, and the bytes of regular files."""
    seen = {}
    for path in sorted(folder.rglob("*")):
        info = os.lstat(path)
        data = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else None
        target = os.readlink(path) if stat.S_ISLNK(info.st_mode) else None
        seen[str(path.relative_to(folder))] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), data, target)
    return seen


def scratch(tmp: Path) -> None:
    """What the rows may aim at: a file, a folder, a FIFO, links, a read-only file, a full edition folder."""
    (tmp / "a-file").write_text("a file, not a folder\n")
    (tmp / "no-bin").mkdir()
    (tmp / "a-folder").mkdir()
    (tmp / "real.json").write_text("[]\n")
    (tmp / "link.json").symlink_to(tmp / "real.json")
    (tmp / "stdout-link").symlink_to("/proc/self/fd/1")
    (tmp / "dangling.json").symlink_to(tmp / "nowhere.json")
    (tmp / "read-only.json").write_text("[]\n")
    (tmp / "read-only.json").chmod(0o444)
    os.mkfifo(tmp / "fifo")
    for lang in ("en", "fa"):
        (tmp / "built" / lang).mkdir(parents=True)
        (tmp / "built" / lang / "report.tex").write_text(f"% the {lang} edition of an earlier run\n")
    (tmp / "mixed" / "en").mkdir(parents=True)
    (tmp / "mixed" / "en" / "notes.txt").write_text("the user's, not convproof's\n")
    (tmp / "file-edition").mkdir()
    (tmp / "file-edition" / "en").write_text("a file where the en folder goes\n")
    (tmp / "link-edition").mkdir()
    (tmp / "link-edition" / "en").symlink_to(tmp / "a-folder")


def fill(text: str, tmp: Path) -> str:
    return text.replace("{tmp}", str(tmp))


def check_row(row: Row, tmp: Path, capsys, monkeypatch) -> None:
    scratch(tmp)
    before = snapshot(tmp)
    for name, value in row.env:
        monkeypatch.setenv(name, fill(value, tmp))
    if row.call is not None:
        with pytest.raises(row.error) as caught:
            row.call()
        message = str(caught.value)
    else:
        argv = [fill(arg, tmp) for arg in row.argv]
        try:
            code = main(argv)
        except SystemExit as exit_info:  # argparse's usage errors
            code = exit_info.code
        out, err = capsys.readouterr()
        assert code == 2, (code, out[-300:], err)
        assert len(err.splitlines()) == 1 and err.startswith("convproof: error: "), err
        assert "Traceback" not in err and len(err) < 1000
        message = err
        if row.error is not None:
            args = build_parser().parse_args(argv)
            with pytest.raises(row.error):
                args.handler(args)
            capsys.readouterr()
    assert "\n" not in message.strip()
    for fragment in row.says:
        assert fill(fragment, tmp) in message, f"{fragment!r} not in {message!r}"
    assert snapshot(tmp) == before, "a failed call changed or left files behind"
