"""Bad input, part two: output targets of ``verify --json`` and ``report --out`` (harness: tests/bad_input_table.py).

Every row is refused before any verification runs, in one line, and the scratch folder
(a FIFO, links, a read-only file, earlier editions) is exactly as it was.
"""

from __future__ import annotations

import pytest

from convproof.derivations.errors import BadInputError
from tests.bad_input_table import Row, check_row, cli, ids

VERIFY = ["verify", "--only", "dilated.rf_base", "--seed", "1", "--json"]
REPORT = ["report", "--tex-only", "--samples", "10", "--out"]
LONG = "n" * 300

TABLE = [
    cli("json-fifo", [*VERIFY, "{tmp}/fifo"], BadInputError, "fifo", "a FIFO, not a regular file"),
    cli("json-dev-null", [*VERIFY, "/dev/null"], BadInputError, "/dev/null", "a character device"),
    cli("json-dev-full", [*VERIFY, "/dev/full"], BadInputError, "/dev/full", "a character device"),
    cli("json-dev-stdout", [*VERIFY, "/dev/stdout"], BadInputError, "/dev/stdout", "symbolic link"),
    cli("json-link-to-stdout", [*VERIFY, "{tmp}/stdout-link"], BadInputError, "'/proc/self/fd/1'", "target's own path"),
    cli("json-link-to-file", [*VERIFY, "{tmp}/link.json"], BadInputError, "link.json", "does not write through links"),
    cli("json-dangling-link", [*VERIFY, "{tmp}/dangling.json"], BadInputError, "dangling.json", "symbolic link"),
    cli("json-folder", [*VERIFY, "{tmp}/a-folder"], BadInputError, "a-folder", "it is a folder", "verdicts.json"),
    cli("json-dot", [*VERIFY, "."], BadInputError, "'.'", "it is a folder"),
    cli("json-root", [*VERIFY, "/"], BadInputError, "'/'", "it is a folder"),
    cli("json-read-only", [*VERIFY, "{tmp}/read-only.json"], BadInputError, "read-only.json", "read-only"),
    cli("json-empty", [*VERIFY, ""], BadInputError, "--json ''", "names no file"),
    cli("json-blank", [*VERIFY, "   "], BadInputError, "'   '", "names no file"),
    cli("json-proc", [*VERIFY, "/proc/x.json"], BadInputError, "/proc/x.json", "not writable"),
    cli("json-proc-self", [*VERIFY, "/proc/self/x.json"], BadInputError, "/proc/self/x.json", "not writable"),
    cli("json-sys", [*VERIFY, "/sys/x.json"], BadInputError, "/sys/x.json", "not writable"),
    cli("json-long-name", [*VERIFY, "{tmp}/" + LONG], BadInputError, "300 bytes long", "at most 255"),
    cli("json-long-path", [*VERIFY, "{tmp}/" + "/".join(["d" * 200] * 25)], BadInputError, "bytes long", "shorter"),
    cli("json-missing-folder", [*VERIFY, "{tmp}/missing/out.json"], BadInputError, "does not exist", "create it"),
    cli("json-under-a-file", [*VERIFY, "{tmp}/a-file/out.json"], BadInputError, "its folder is a file", "create"),
    cli("json-under-a-fifo", [*VERIFY, "{tmp}/fifo/out.json"], BadInputError, "fifo/out.json", "create it first"),
    cli("out-empty", [*REPORT, ""], BadInputError, "--out ''", "names no folder"),
    cli("out-a-file", [*REPORT, "{tmp}/a-file"], BadInputError, "a-file", "choose a writable --out"),
    cli("out-under-a-file", [*REPORT, "{tmp}/a-file/out"], BadInputError, "a-file/out", "choose a writable --out"),
    cli("out-fifo", [*REPORT, "{tmp}/fifo"], BadInputError, "fifo", "choose a writable --out"),
    cli("out-proc", [*REPORT, "/proc/convproof-out"], BadInputError, "/proc/convproof-out", "choose a writable --out"),
    cli("out-sys", [*REPORT, "/sys/convproof-out"], BadInputError, "/sys/convproof-out", "choose a writable --out"),
    cli("out-long-name", [*REPORT, "{tmp}/" + LONG], BadInputError, "300 bytes long", "at most 255"),
    cli("out-link-to-stdout", [*REPORT, "{tmp}/stdout-link"], BadInputError, "stdout-link", "choose a writable"),
    cli("out-foreign-files", [*REPORT, "{tmp}/mixed", "--lang", "en"], BadInputError, "'notes.txt'", "move them"),
    cli("out-edition-is-file", [*REPORT, "{tmp}/file-edition", "--lang", "en"], BadInputError, "a file where a folder goes"),
    cli("out-edition-is-link", [*REPORT, "{tmp}/link-edition", "--lang", "en"], BadInputError, "symbolic link", "links"),
    cli("out-edition-foreign-all", [*REPORT, "{tmp}/mixed"], BadInputError, "the en edition", "'notes.txt'"),
    cli("out-tex-missing-keeps-built", ["report", "--out", "{tmp}/built"], Exception, "not installed", env=[("PATH", "{tmp}/no-bin")]),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_output(row: Row, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("convproof.reports.cli.verify.run_all", lambda *a, **k: pytest.fail("the run started"))
    monkeypatch.setattr("convproof.reports.pipeline.verify_all", lambda *a, **k: pytest.fail("the run started"))
    check_row(row, tmp_path, capsys, monkeypatch)
