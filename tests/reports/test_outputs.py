"""Output files and folders: checked first, written whole, never through a link; editions swapped together.

The report's TeX engine is replaced by a fake ``latexmk`` on PATH (a shell script that copies
report.tex to report.pdf, fails for one engine, or sleeps), so these tests need no TeX Live.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from convproof.derivations.errors import BadInputError
from convproof.reports import outputs
from convproof.reports.cli import main

FAKE_LATEXMK = """#!/bin/sh
# a stand-in for latexmk: the "PDF" is a copy of report.tex
if grep -q xepersian report.tex; then edition=fa; else edition=en; fi
if [ -n "$FAKE_TEX_SLEEP" ]; then touch "$FAKE_TEX_SLEEP"; sleep 60; fi
if [ "$FAKE_TEX_FAIL" = "$edition" ]; then echo '! Fake failure.' > report.log; exit 1; fi
cp report.tex report.pdf
"""


@pytest.fixture
def fake_tex(tmp_path, monkeypatch):
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    for name, text in (("latexmk", FAKE_LATEXMK), ("pdflatex", "#!/bin/sh\n"), ("xelatex", "#!/bin/sh\n")):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return bin_dir


def _report(capsys, out: Path, *extra: str) -> tuple[int, str]:
    code = main(["report", "--samples", "20", "--out", str(out), *extra])
    return code, capsys.readouterr().err


def test_a_failed_edition_keeps_every_previous_edition(fake_tex, tmp_path, capsys, monkeypatch):
    out = tmp_path / "r"
    assert _report(capsys, out, "--seed", "0")[0] == 0
    before = {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()}
    monkeypatch.setenv("FAKE_TEX_FAIL", "fa")  # the fa edition fails, after en was built
    code, err = _report(capsys, out, "--seed", "7")
    assert code == 2 and len(err.splitlines()) == 1 and "fa edition failed" in err
    after = {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()}
    assert after == before, "en from seed 7 replaced en from seed 0 while fa failed"
    assert not list(out.glob(".convproof-*"))


def test_a_new_run_replaces_both_editions(fake_tex, tmp_path, capsys):
    out = tmp_path / "r"
    assert _report(capsys, out, "--seed", "0")[0] == 0
    old = {lang: (out / lang / "report.tex").read_bytes() for lang in ("en", "fa")}
    assert _report(capsys, out, "--seed", "7")[0] == 0
    for lang in ("en", "fa"):
        new = (out / lang / "report.tex").read_bytes()
        assert new != old[lang] and (out / lang / "report.pdf").read_bytes() == new


def test_tex_only_removes_the_stale_pdf(fake_tex, tmp_path, capsys):
    out = tmp_path / "r"
    assert _report(capsys, out, "--seed", "0", "--lang", "en")[0] == 0
    assert (out / "en" / "report.pdf").exists()
    assert _report(capsys, out, "--seed", "3", "--lang", "en", "--tex-only")[0] == 0
    assert not (out / "en" / "report.pdf").exists(), "a seed-0 PDF beside a seed-3 .tex"


def test_new_files_follow_the_umask(fake_tex, tmp_path, capsys):
    old = os.umask(0o022)
    try:
        assert _report(capsys, tmp_path / "r", "--lang", "en")[0] == 0
    finally:
        os.umask(old)
    folder = tmp_path / "r" / "en"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    for name in ("report.tex", "report.pdf", "fig-gelu.pdf"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o644, name


@pytest.mark.parametrize(
    ("setup", "says"),
    [
        ("file", "a file where a folder goes"),
        ("link", "symbolic link"),
        ("foreign", "'notes.txt'"),
        ("fifo", "a FIFO"),
    ],
)
def test_edition_folder_problems_are_found_before_the_work(setup, says, fake_tex, tmp_path, capsys, monkeypatch):
    out = tmp_path / "r"
    out.mkdir()
    target = out / "en"
    if setup == "file":
        target.write_text("x")
    elif setup == "link":
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    elif setup == "foreign":
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    else:
        os.mkfifo(target)
    monkeypatch.setattr("convproof.reports.pipeline.verify_all", lambda *a: pytest.fail("verification ran"))
    code, err = _report(capsys, out, "--lang", "en")
    assert code == 2 and len(err.splitlines()) == 1 and says in err, err
    assert sorted(p.name for p in out.iterdir()) == ["en"]


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_signals_during_tex_leave_no_temporary_folder(sig, fake_tex, tmp_path):
    out, started = tmp_path / "r", tmp_path / "started"
    env = {**os.environ, "FAKE_TEX_SLEEP": str(started)}
    argv = [sys.executable, "-m", "convproof", "report", "--lang", "en", "--samples", "20", "--out", str(out)]
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not started.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    assert started.exists(), process.communicate()[1]
    process.send_signal(getattr(signal, sig))
    _, err = process.communicate(timeout=60)
    assert process.returncode in (130, 128 + getattr(signal, sig)), err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not list(out.glob(".convproof-*")), "a temporary folder was left behind"
    assert not (out / "en").exists()


def test_json_keeps_the_mode_of_an_existing_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    outputs.write_file(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_json_new_file_gets_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        outputs.write_file(tmp_path / "new.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old")

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(BadInputError, match="No space left on device"):
        outputs.write_file(target, "new")
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_json_path_problems_are_found_before_the_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("convproof.reports.cli.verify.run_all", lambda *a, **k: pytest.fail("the run started"))
    (tmp_path / "folder").mkdir()
    code = main(["verify", "--json", str(tmp_path / "folder")])
    assert code == 2 and "it is a folder" in capsys.readouterr().err


def test_json_is_written_after_a_check(tmp_path, capsys):
    target = tmp_path / "v.json"
    assert main(["verify", "--only", "dilated.rf_base", "--seed", "0", "--json", str(target)]) == 0
    assert json.loads(target.read_text())[0]["id"] == "dilated.rf_base"
    capsys.readouterr()
