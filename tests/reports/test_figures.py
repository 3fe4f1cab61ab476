"""The audit's figures, per edition: they render, the same bytes every time, Persian shaped and placed by part.

The chart claims are paired with made-up verdicts (a refuted and a conditional entry among
them): the figures read only a verdict's status, and verifying 30 claims here would cost
seconds for nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import numpy as np
import pytest
import sympy as sp

from convproof.derivations.claims.activations import charts
from convproof.derivations.claims.cnn_table import corrected_table, table_cells
from convproof.derivations.errors import ToolMissingError
from convproof.derivations.lib import activations as act
from convproof.derivations.lib import gelu_bounds, selu
from convproof.reports import figures
from convproof.reports.figures import activations as figure_activations
from convproof.reports.figures import networks, style
from convproof.reports.i18n import LANGS, strings
from convproof.verify.results import Verdict

HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None
needs_pdftotext = pytest.mark.skipif(not HAVE_PDFTOTEXT, reason="poppler-utils (pdftotext) is not installed")
STATUSES = {"activations.chart1_elu": "refuted", "activations.chart2_softsign": "refuted"}
STATUSES["activations.chart1_prelu"] = "conditional"
NAMES = [figure.name for entries in figures.FIGURES.values() for figure in entries]
# Persian words of each figure: drawn by matplotlib's own layout (no formula in the label) or shaped
# by arabic-reshaper and python-bidi (a label with a formula)
PERSIAN = {
    "fig-rf-growth.pdf": ("گسترش ثابت", "میدان دید", "تعداد لایه‌ها"),
    "fig-q3-shapes.pdf": ("پارامترهای آموزش‌پذیر", "اندازه‌ی خروجی", "خالی"),
    "fig-gelu.pdf": ("تقریب‌های گزارش", "بیشینه‌ی تضمین‌شده"),
    "fig-activations-1.pdf": ("رد شده", "مشروط", "پارامترهای پیش‌فرض"),
    "fig-activations-2.pdf": ("رد شده", "فرمول نمودار"),
}


@pytest.fixture(scope="module")
def pairs():
    claims = charts.claims()
    return [(c, Verdict(c.id, c.where, c.source, STATUSES.get(c.id, "verified"))) for c in claims]


@pytest.fixture(scope="module")
def assets(pairs):
    return {lang: figures.render_assets(pairs, lang) for lang in LANGS}


def _text(pdf: bytes, tmp_path, name: str = "figure.pdf") -> str:
    """The text pdftotext finds, compatibility forms folded (shaped letters back to letters), marks dropped."""
    path = tmp_path / name
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return _plain(out)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\u200c-\u200f\u202a-\u202e\u2066-\u2069]", "", text)


def test_every_figure_renders_in_both_editions(assets):
    for lang in LANGS:
        assert sorted(assets[lang]) == sorted(NAMES)
        for name, pdf in assets[lang].items():
            assert pdf.startswith(b"%PDF"), (lang, name)
            assert b"CreationDate" not in pdf, (lang, name)
        assert assets["en"] != assets["fa"]


def test_same_inputs_give_the_same_bytes(pairs, assets):
    # an edition drawn after the other, in another order, is still byte for byte the same
    assert figures.render_assets(pairs, "fa") == assets["fa"]
    assert figures.render_assets(pairs, "en") == assets["en"]


@needs_pdftotext
def test_persian_figures_hold_shaped_persian_text(assets, tmp_path):
    for name, words in PERSIAN.items():
        pdf = assets["fa"][name]
        text = _text(pdf, tmp_path)
        for word in words:
            assert _plain(word) in text, (name, word)
        # shaped: contextual glyphs from matplotlib's layout (uni0645.init) or presentation forms
        glyphs = set(re.findall(rb"/uni([0-9A-F]{4})(\.(?:init|medi|fina))?", pdf))
        assert any(form or 0xFB50 <= int(code, 16) <= 0xFEFF for code, form in glyphs), name
        assert not re.search(r"[\u0600-\u06ff]", _text(assets["en"][name], tmp_path)), name


@needs_pdftotext
def test_persian_figures_keep_formulas_and_layer_names_latin(assets, tmp_path):
    q3 = _text(assets["fa"]["fig-q3-shapes.pdf"], tmp_path)
    # pdftotext reads the lines of a right-to-left page as right to left: it moves a closing bracket
    assert "CONV5-16(3,2" in q3 and "FC-10" in q3 and "H × W × C" in q3
    assert not re.search("[\u06f0-\u06f9]", "".join(re.findall(r"[A-Z]+[\w\-(,)]*", q3)))  # no Persian digit in a name
    assert "۳٬۲۷۶" in q3 and "۳٬۲۱۶" in q3  # bar labels in Persian digits
    assert "x = ±2.70" in _text(assets["fa"]["fig-gelu.pdf"], tmp_path)


def test_rtl_shapes_orders_and_holds_latin_runs():
    line = style.rtl("لایه‌ی CONV5-16(3,2) (نمودار ۱) با $f(x)$")
    assert "CONV5-16(3,2)" in line and "$f(x)$" in line
    assert line.startswith("$f(x)$")  # the last logical word comes first, on the left
    assert re.search(r"[\ufb50-\ufeff]", line)  # presentation forms: the letters are joined
    assert "(۱ " in line  # brackets mirrored around the Persian run
    assert style.text("ReLU", "fa") == "ReLU" and style.text("لایه", "en") == "لایه"


def test_numbers_in_the_persian_edition():
    assert style.number(3276, "fa") == "۳٬۲۷۶"
    assert style.number(0.000473, "fa", ".3g") == "۰٫۰۰۰۴۷۳"
    assert style.number(3276, "en") == "3,276"


def test_missing_amiri_is_one_line(monkeypatch, pairs, tmp_path):
    monkeypatch.setattr(style, "AMIRI", tmp_path / "Amiri-Regular.ttf")
    style._amiri.cache_clear()
    try:
        with pytest.raises(ToolMissingError) as error:
            figures.render_assets(pairs, "fa")
    finally:
        style._amiri.cache_clear()
    message = str(error.value)
    assert "fonts-hosny-amiri" in message and "\n" not in message


def test_charts_are_drawn_at_pytorch_defaults(pairs):
    entries = charts.chart_entries()
    assert entries["activations.chart1_prelu"]["at"] == {sp.Symbol("a", real=True): act.PRELU_INIT}
    slope = (act.RRELU_LOWER + act.RRELU_UPPER) / 2  # the mean slope, as in evaluation mode
    assert entries["activations.chart1_rrelu"]["at"] == {sp.Symbol("a", real=True): slope}
    selu_at = {str(s): v for s, v in entries["activations.chart1_selu"]["at"].items()}
    assert (selu_at["alpha"], selu_at["beta"]) == (selu.selu_lambda(), selu.selu_alpha())  # the chart's names
    # ELU is drawn at alpha = 1, not at the middle of its sampled range (1.55)
    claim = next(c for c, _ in pairs if c.id == "activations.chart1_elu")
    curve = figure_activations._curve(claim.reference, claim, entries[claim.id])
    assert curve[0] == pytest.approx(np.expm1(-4.0))


def test_captions_state_the_parameters():
    latex = figures.figure_latex(strings("en"))["Q1(b)"]
    for stated in (
        "PReLU $a = 0.25$",
        "ELU $\\alpha = 1$",
        "SELU $\\alpha \\approx 1.0507$, $\\beta \\approx 1.6733$",
        "RReLU $a \\approx 0.2292$",
        "Soft Shrink $\\lambda = 0.5$",
        "Hard tanh $a = 1$, $b = -1$",
        "GELU $a = 0.044715$",
        "Leaky ReLU $\\mathrm{negative\\_slope} = 0.01$",
    ):
        assert stated in latex, stated
    assert "{parameters}" not in latex
    persian = figures.figure_latex(strings("fa"))["Q1(b)"]
    assert "\\lr{ELU} $\\alpha = 1$" in persian and "؛ " in persian


@needs_pdftotext
def test_activation_panels_state_their_parameters(assets, tmp_path):
    # a formula's glyphs come out of pdftotext one by one: look for the values
    text = _text(assets["en"]["fig-activations-1.pdf"], tmp_path)
    for value in ("0.25", "1.0507", "1.6733", "0.2292", "0.044715", "0.5"):
        assert value in text, value
    assert figure_activations.parameters(charts.chart_entries()["activations.chart1_selu"]) == [
        "\\alpha \\approx 1.0507",
        "\\beta \\approx 1.6733",
    ]


def test_q3_report_values_are_read_from_the_report_cells():
    read = networks.report_values()
    assert [row[0] for row in read] == [cells[0] for cells in table_cells()]
    assert read[5] == ("CONV5-16(3,2)", 6 * 6 * 16, 3276)  # the report's value; layer_table derives 3216
    assert read[4][2] == 2 and read[2][2] is None and read[3][2] == "blank"  # beta, gamma => 2; words; blank
    derived = networks.derived_values()
    assert derived[5][2] == corrected_table().rows[4].params == 3216


@needs_pdftotext
def test_q3_figure_follows_the_cells(monkeypatch, tmp_path):
    cells = table_cells()
    changed = [cells[0], *cells[1:5], (cells[5][0], cells[5][1], cells[5][2].replace("3276", "9999")), *cells[6:]]
    with style.edition("en"):
        before = _text(networks.q3_shapes(None, "en"), tmp_path)
        monkeypatch.setattr(networks, "table_cells", lambda: changed)
        after = _text(networks.q3_shapes(None, "en"), tmp_path)
    assert "3,276" in before and "9,999" not in before
    assert "9,999" in after and "3,276" not in after and "3,216" in after


def test_each_figure_belongs_to_its_question_and_part():
    by_question = figures.figure_latex(strings("en"), by="question")
    by_part = figures.figure_latex(strings("en"), by="part")
    assert set(by_question) == set(figures.FIGURES) == {"Q1", "Q2", "Q3"}
    assert set(by_part) == {"Q1(b)", "Q2(b)", "Q3"}
    for question, entries in figures.FIGURES.items():
        for figure in entries:
            assert figure.part.startswith(question)
            assert figure.name in by_question[question] and figure.name in by_part[figure.part]
    assert figures.figure_latex(strings("en")) == by_part  # the default
    with pytest.raises(ValueError):
        figures.figure_latex(strings("en"), by="chapter")


def test_gelu_maxima_are_the_certified_ones(assets, tmp_path):
    if not HAVE_PDFTOTEXT:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    text = _text(assets["en"]["fig-gelu.pdf"], tmp_path)
    for form in gelu_bounds.FORMS:
        bound = gelu_bounds.gelu_error_bound(form)
        assert f"{bound.upper:.3g}" in text and f"±{bound.argmax:.2f}" in text.replace(" ", ""), form
