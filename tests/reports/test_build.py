"""The report build: reproducible LaTeX, clear errors without TeX, PDFs that hold every verdict."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter

import pytest

from convproof.derivations.claims.vendored import report_text
from convproof.derivations.claims.vendored.findings import FINDINGS
from convproof.reports.cli import main
from convproof.reports.i18n import strings
from convproof.reports.pipeline import verify_all
from convproof.verify.findings import explain

HAVE_TEX = all(shutil.which(tool) for tool in ("latexmk", "xelatex", "pdftotext"))


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


needs_tex = pytest.mark.skipif(
    not HAVE_TEX, reason="TeX Live and poppler-utils are not installed (bash scripts/setup.sh test installs them)"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Both editions built once (200 instances per claim), their text, and the verdicts behind them."""
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "--lang", "all", "--samples", "200", "--out", str(out)]) == 0
    pairs, _ = verify_all(200, 0)
    texts = {
        lang: subprocess.run(
            ["pdftotext", "-raw", str(out / lang / "report.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        for lang in ("en", "fa")
    }
    return out, pairs, texts


def _bare(text: str) -> str:
    """Text without the direction marks and joiners that pdftotext puts in Persian, and without spaces."""
    return re.sub(r"[\u200c-\u200f\u202a-\u202e\s]", "", text)


@needs_tex
def test_both_pdfs_hold_every_claim_and_the_status_counts(built):
    out, pairs, texts = built
    assert not list(out.glob(".convproof-*")), "the temporary build folder was left behind"
    flat = "".join(texts["en"].split())
    for claim, _ in pairs:
        assert "".join(claim.id.split()) in flat, claim.id
    for status in ("verified", "approximate", "conditional", "refuted", "unverifiable"):
        own = sum(v.status == status and not c.extension for c, v in pairs)
        extra = sum(v.status == status and c.extension for c, v in pairs)
        if own or extra:  # the summary's table: the report's claims, then convproof's extensions
            assert re.search(rf"\b{status}\s+{own}\s+{extra}\b", texts["en"]), status
            # pdftotext gives the parts of a word joined by a ZWNJ as separate runs: look for each part
            label = strings("fa")["status"][status]
            assert all(_bare(piece) in _bare(texts["fa"]) for piece in label.split("\u200c")), status
    assert any("\u0600" <= ch <= "\u06ff" for ch in texts["fa"]), "the fa edition holds no Persian text"


@needs_tex
def test_every_refuted_formula_has_its_correction_and_every_finding_its_fix(built):
    _, pairs, texts = built
    refuted = sum(v.status == "refuted" and bool(c.claimed) and c.reference is not None for c, v in pairs)
    assert texts["en"].count("Correction:") >= refuted
    confirmed, unexplained = explain(FINDINGS, [v for _, v in pairs])
    assert unexplained == []
    letters = re.sub(r"\W", "", texts["en"])
    for item in confirmed:  # each confirmed finding is named (its title's words before any formula)
        words = item.finding.title("en").split("$")[0]
        assert re.sub(r"\W", "", words) in letters, item.finding.id


# text a reader would stumble on: SymPy's notation, placeholders, a correction of a dash, an error of 0
# printed with its location, infinities as errors (issue 15)
LEFTOVERS = {
    "python power": r"\*\*",
    "yhat spelled out": r"\b(hat_?y|haty|yhat)\b",
    "question marks for missing glyphs": r"\?\?",
    "placeholder for Persian": r"\[Persian text\]",
    "Heaviside by name": r"Heaviside",
    "two-argument theta": r"θ\(",
    "a correction of a dash": r"Correction:\s*[—-]{1,3}\s*$",
    "a counterexample at a dash": r"At\s+[—-]",
    "an error of 0 at a location": r"= 0 at x",
    "inf as an error": r"\binf\b",
    "SymPy's sqrt": r"\bsqrt\(",
}


@needs_tex
@pytest.mark.parametrize("name", list(LEFTOVERS))
def test_the_english_pdf_has_no_machine_leftovers(built, name):
    _, _, texts = built
    found = re.findall(LEFTOVERS[name], texts["en"], flags=re.MULTILINE)
    assert found == [], f"{name}: {found[:5]}"


def test_the_leftover_patterns_catch_what_they_are_for():
    planted = "Correction: —\nAt —, side 2 gives 3276\nz_2**2 haty Heaviside(x) θ(z, 1) [Persian text] ?? = 0 at x inf sqrt(2)"
    for name, pattern in LEFTOVERS.items():
        assert re.search(pattern, planted, flags=re.MULTILINE), name


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


def _math_digits(tex: str) -> Counter:
    """The digits inside the formulas and Latin runs of a report.tex (what must print as Latin digits)."""
    found = Counter()
    for body in re.findall(r"\$([^$]+)\$|\\fitmath\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}", tex):
        found.update(ch for ch in "".join(body) if ch.isascii() and ch.isdigit())
    return found


@needs_tex
def test_persian_edition_keeps_every_digit_of_every_formula(built):
    out, _, texts = built
    tex = (out / "fa" / "report.tex").read_text(encoding="utf-8")
    printed = Counter(ch for ch in texts["fa"] if ch.isascii() and ch.isdigit())
    wanted = _math_digits(tex)
    assert sum(wanted.values()) > 500
    missing = {digit: n - printed[digit] for digit, n in wanted.items() if printed[digit] < n}
    assert missing == {}, f"digits of formulas lost in the Persian PDF: {missing}"


@needs_tex
def test_persian_prose_uses_the_persian_decimal_separator(built):
    _, _, texts = built
    assert re.findall(r"[۰-۹]\.[۰-۹]", texts["fa"]) == []
    assert "٫" in texts["fa"]


# phrases a Persian reader found reversed or broken in the first edition (issue 16)
REVERSED = [
    "of parameters",
    "the of sum",
    "deviation» standard",
    "range» interquartile",
    "convolution، dilated",
    ":prediction",
    "fiz",
]


@needs_tex
@pytest.mark.parametrize("phrase", REVERSED)
def test_persian_edition_has_no_reversed_phrase(built, phrase):
    _, _, texts = built
    assert phrase not in texts["fa"]


@needs_tex
def test_persian_edition_has_no_english_prose(built, english_prose):
    _, _, texts = built
    words = {word.lower() for word in re.findall(r"[A-Za-z]{2,}", texts["fa"])}
    the_reports_own = {word.lower() for word in re.findall(r"[A-Za-z]{2,}", report_text())}
    assert words & english_prose - the_reports_own == set()


def test_the_english_prose_check_catches_english(english_prose):
    assert {w.lower() for w in re.findall(r"[A-Za-z]{2,}", "the right value is 3")} & english_prose
