"""The report build: reproducible LaTeX, clear errors without TeX, PDFs that hold every verdict."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from convproof.reports.cli import main

HAVE_TEX = all(shutil.which(tool) for tool in ("latexmk", "pdflatex", "xelatex", "pdftotext"))


def test_tex_only_is_byte_identical_across_runs(tmp_path, capsys):
    for name in ("a", "b"):
        assert main(["report", "--tex-only", "--lang", "all", "--samples", "100", "--out", str(tmp_path / name)]) == 0
    for lang in ("en", "fa"):
        first = (tmp_path / "a" / lang / "report.tex").read_bytes()
        assert first == (tmp_path / "b" / lang / "report.tex").read_bytes()
    capsys.readouterr()


def test_missing_tex_engine_is_one_line_and_leaves_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    out = tmp_path / "out"
    assert main(["report", "--lang", "en", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "latexmk is not installed" in err and "--tex-only" in err
    assert len(err.strip().splitlines()) == 1
    assert not any(out.rglob("*.tex")) and not any(out.rglob("*.pdf"))


def test_unwritable_output_folder(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["report", "--tex-only", "--out", str(blocker / "sub")]) == 2
    assert "cannot create output folder" in capsys.readouterr().err


@pytest.mark.skipif(
    not HAVE_TEX, reason="TeX Live and poppler-utils are not installed (bash scripts/setup.sh test installs them)"
)
def test_both_pdfs_hold_every_claim_verdict_and_correction(tmp_path, capsys):
    from convproof.reports.i18n import persian_digits, strings
    from convproof.reports.pipeline import verify_all

    out = tmp_path / "out"
    assert main(["report", "--lang", "all", "--samples", "200", "--out", str(out)]) == 0
    capsys.readouterr()
    pairs, _ = verify_all(200, 0)
    texts = {}
    for lang in ("en", "fa"):
        pdf = out / lang / "report.pdf"
        assert pdf.exists()
        texts[lang] = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    assert not list(out.glob(".convproof-*")), "the temporary build folder was left behind"
    flat = "".join(texts["en"].split())
    for claim, _ in pairs:
        assert "".join(claim.id.split()) in flat, claim.id
    # every status with its count, as the checks computed them, in the summary of both editions
    for status in ("verified", "refuted", "conditional", "unverifiable"):
        count = sum(verdict.status == status for _, verdict in pairs)
        assert re.search(rf"{status}\s+{count}\b", texts["en"]), status
        assert strings("fa")["status"][status].replace("\u200c", "") in texts["fa"].replace("\u200c", "")
        assert persian_digits(str(count)) in texts["fa"]
    corrected = sum(1 for _, verdict in pairs if verdict.status == "refuted" and verdict.correction)
    assert texts["en"].count("Correction:") >= corrected
    assert any("\u0600" <= ch <= "\u06ff" for ch in texts["fa"]), "the fa edition holds no Persian text"


@pytest.mark.skipif(not HAVE_TEX, reason="TeX Live is not installed (bash scripts/setup.sh test installs it)")
def test_pdf_is_reproducible_with_source_date_epoch(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pdfs = []
    for name in ("a", "b"):
        assert main(["report", "--lang", "all", "--samples", "50", "--out", str(tmp_path / name)]) == 0
        pdfs.append({lang: (tmp_path / name / lang / "report.pdf").read_bytes() for lang in ("en", "fa")})
    capsys.readouterr()
    assert pdfs[0]["en"] == pdfs[1]["en"]
    assert pdfs[0]["fa"] == pdfs[1]["fa"]
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
