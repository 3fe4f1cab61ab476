"""convproof audit: the reader finds the vendored report's formulas, the corpus gets its written verdicts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from convproof.derivations.claims import catalogue, homework, registry
from convproof.derivations.errors import BadInputError
from convproof.reports.audit_batch import audit_files, class_rows
from convproof.reports.audit_judge import audit_text, load_report, read_sidecar
from convproof.reports.audit_tex import audit_document, class_document
from convproof.reports.i18n import persian_digits
from convproof.reports.locator import locate
from convproof.reports.reader import read_text
from convproof.reports.reader_places import Tracker
from convproof.verify.runner import run_claim

DATA = Path(__file__).resolve().parents[1] / "data" / "reports"
REPORTS = sorted(p for p in DATA.iterdir() if p.suffix in (".md", ".tex"))


@pytest.fixture(scope="module")
def quantities():
    return homework.quantities()


def test_reader_finds_the_catalogues_formulas_of_the_vendored_report():
    found = read_text(catalogue.report_text())
    math = [f for f in found if f.kind in ("display", "inline")]
    expected = catalogue.formulas()
    assert len(math) == len(expected) == 118
    assert sum(f.kind == "display" for f in math) == 48
    assert [(f.latex, f.line, f.kind) for f in math] == [(f.latex, f.line, f.kind) for f in expected]
    # Q3's table: its plain parameter cells too (a whole number, and blank cells read as 0), not the input's
    cells = [(f.kind, f.latex, f.row, f.repeat) for f in found if f.kind not in ("display", "inline")]
    assert cells == [
        ("blank cell", "", "Pool-2", 1),
        ("blank cell", "", "ReLU", 2),
        ("blank cell", "", "Pool-2", 2),
        ("blank cell", "", "FLATTEN", 1),
        ("cell", "1440", "FC-10", 1),
    ]


def test_plain_cells_of_layer_tables_in_markdown_and_latex():
    md = "| Layer | Output | Params |\n|---|---|---|\n| Input | 8x8x3 | |\n| CONV3-4 | 8x8x4 | 112 |\n| ReLU | 8x8x4 | |\n"
    assert [(f.kind, f.latex, f.row, f.column) for f in read_text(md)] == [
        ("cell", "8x8x4", "CONV3-4", "Output"),
        ("cell", "112", "CONV3-4", "Params"),
        ("cell", "8x8x4", "ReLU", "Output"),
        ("blank cell", "", "ReLU", "Params"),
    ]
    tex = "\\begin{tabular}{lll}\nLayer & Output & Parameters \\\\\n\\hline\nFC-10 & $10$ & 1450 \\\\\n\\end{tabular}"
    assert [(f.kind, f.latex, f.column) for f in read_text(tex, "tex")] == [
        ("inline", "10", "Output"),
        ("cell", "1450", "Parameters"),
    ]
    prose = "| Name | Note |\n|---|---|\n| a | 12 |\n"  # no parameters or shape column: not a layer table
    assert read_text(prose) == ()


def test_places_in_persian_and_english():
    found = read_text(catalogue.report_text())
    by_line = {f.line: f for f in found}
    assert (by_line[364].question, by_line[364].part) == ("Q2", "b")
    assert (by_line[59].question, by_line[59].part) == ("Q1", "a")
    assert by_line[416].question == "Q4"
    tracker = Tracker()
    for line in ["## Question 3", "(b) sizes"]:
        tracker.feed(line)
    assert (tracker.question, tracker.part) == ("Q3", "b")


def test_latex_environments_and_comments():
    text = (DATA / "latex-report.tex").read_text(encoding="utf-8")
    found = read_text(text, "tex")
    assert all("x = 1" not in f.latex for f in found)  # the comment
    envs = [f.environment for f in found if f.environment]
    assert "align" in envs and "equation" in envs
    align = next(f for f in found if f.environment == "align")
    assert (align.question, align.part) == ("Q2", "b")


def test_sidecar_marks_a_line_or_one_statement_of_it(tmp_path, quantities):
    report = tmp_path / "r.md"
    report.write_text("## Q3\n\n$$\\frac{30}{2} + 1 = 16 \\quad \\frac{6-2}{2} + 1 = 3$$\n", encoding="utf-8")
    sidecar = tmp_path / "r.md.convproof.toml"
    sidecar.write_text('[marks]\n"3.2" = "cnn_table.calc.pool2_size"\n[marks.5]\n1 = "none"\n', encoding="utf-8")
    assert read_sidecar(report) == {(3, 2): "cnn_table.calc.pool2_size", (5, 1): "none"}
    located = locate(read_text(report.read_text(encoding="utf-8")), quantities, read_sidecar(report))
    assert [(s.text, how) for s, _, how in located][1] == (r"\frac{6-2}{2} + 1 = 3", "mark")
    assert located[0][2] != "mark" and located[1][1][0].id == "cnn_table.calc.pool2_size"
    sidecar.write_text('[marks]\n"3.x" = "none"\n', encoding="utf-8")
    with pytest.raises(BadInputError, match=r"LINE\.N"):
        read_sidecar(report)


def test_marks_sidecar_and_unmatched(quantities):
    text = "## Q2\n(b)\n<!-- convproof: none -->\n$$RF_i = 1 + id(k-1)$$\n$$\\zeta = 3$$\n"
    located = locate(read_text(text), quantities)
    assert located[0][2] == "unmarked" and not located[0][1]
    assert located[1][2] == "none"
    sidecar = {4: "dilated.rf_closed_form"}
    assert locate(read_text(text.replace("<!-- convproof: none -->\n", "\n")), quantities, sidecar)[0][2] == "mark"


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_corpus_verdicts(path, quantities):
    expected = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text())
    records = audit_text(load_report(path), quantities, name=str(path), sidecar=read_sidecar(path), samples=400)
    got: dict[str, set[str]] = {}
    for record in records:
        if record["id"] is not None:
            got.setdefault(record["id"], set()).add(record["status"])
    want = {qid: set(status) if isinstance(status, list) else {status} for qid, status in expected.items()}
    wrong = {qid: (sorted(status), sorted(got.get(qid, ()))) for qid, status in want.items() if got.get(qid) != status}
    assert not wrong


# The errors planted in the corpus, by report (each wrong on purpose; everything else in them is right)
PLANTED_ERRORS = {
    "planted.fa.md": {
        "metrics.mse",
        "metrics.rmse",
        "metrics.nrmse_mean",
        "activations.elu",
        "dilated.rf_closed_form",
        "conv_grads.dL_dw2",
        "conv_grads.z3_expansion",
    },
    "table-en.md": {"cnn_table.conv2.params", "cnn_table.fc.params"},
}


def test_recall_and_precision_on_planted_errors(quantities, capsys):
    planted = flagged = true = 0
    for name, errors in PLANTED_ERRORS.items():
        path = DATA / name
        records = audit_text(load_report(path), quantities, name=str(path), samples=400)
        found = {r["id"] for r in records if r["status"] in ("refuted", "not parsed")}
        planted, flagged, true = planted + len(errors), flagged + len(found), true + len(errors & found)
    recall, precision = true / planted, true / max(flagged, 1)
    with capsys.disabled():
        print(f"\nplanted errors: recall {recall:.2f} ({true}/{planted}), precision {precision:.2f} ({true}/{flagged})")
    assert precision == 1.0
    assert recall == 1.0


def test_bad_input_one_line_each_and_the_rest_audited(tmp_path, quantities):
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "big.md").write_text("x" * 11_000_000)
    (tmp_path / "prose.md").write_text("no formula here\n")
    (tmp_path / "folder").mkdir()
    paths = [str(tmp_path / n) for n in ("empty.md", "binary.md", "big.md", "prose.md", "folder")]
    results = audit_files([*paths, str(DATA / "partial.md")], quantities, samples=100)
    assert [bool(r.error) for r in results] == [True] * 5 + [False]
    assert all("\n" not in r.error for r in results[:5])
    with pytest.raises(BadInputError, match="folder"):
        load_report(tmp_path / "folder")


def test_class_summary_counts(quantities):
    results = audit_files([str(DATA / "partial.md"), str(DATA / "planted.fa.md")], quantities, samples=200)
    rows = {row["id"]: row for row in class_rows(results, quantities)}
    row = rows["dilated.rf_closed_form"]
    assert (row["answered"], row["right"], row["wrong"]) == (2, 1, 1)
    assert row["wrong_forms"] and "i(k - 1)" in row["wrong_forms"][0][0]
    # the one-page document in both editions: the wrong ones with their forms, the others three to a line
    table = class_rows(results, quantities)
    for lang in ("en", "fa"):
        tex = class_document(table, len(results), lang)
        wrong = [r["id"] for r in table if r["wrong"]]
        assert wrong and all(qid.replace("_", "\\_") in tex for qid in wrong)
        unanswered = sum(not r["answered"] for r in table)
        assert f"{unanswered}" in tex or persian_digits(str(unanswered)) in tex


VERDICTS = DATA.parent / "vendored-formula-verdicts.json"


def _states_a_formula(claim) -> bool:
    """A claim another report can state (it has a ``reread``) that the vendored report states as a formula,
    not in words (its NRMSE normalisers, the first ReLU row of its table)."""
    words = claim.source is None or re.search(r"[\u0600-\u06FF]", claim.source)
    return claim.reread is not None and not claim.prose and not words


def test_the_committed_verdict_file_is_todays_verify():
    """The file holds verify's status and source of every formula claim of the vendored report (a claim
    another report can state, written as a formula: :func:`_states_a_formula`); prose claims stay claims
    of that report only.
    When a check changes a verdict on purpose, write the file again from ``run_claim``."""
    committed = json.loads(VERDICTS.read_text(encoding="utf-8"))
    formula_claims = [c for c in registry.all_claims() if not c.extension and _states_a_formula(c)]
    assert sorted(committed) == sorted(c.id for c in formula_claims)
    for claim in formula_claims:
        status = run_claim(claim, samples=400, seed=0, oracle=False).status
        assert committed[claim.id] == {"status": status, "source": claim.source}, claim.id


def test_every_vendored_formula_claim_through_audit(quantities, capsys):
    """Each formula claim of the vendored report: one record, its source verbatim, the committed verdict."""
    committed = json.loads(VERDICTS.read_text(encoding="utf-8"))
    records = audit_text(catalogue.report_text(), quantities, name="vendored.md", samples=400)
    got: dict[str, list] = {}
    for record in records:
        if record["id"] is not None:
            got.setdefault(record["id"], []).append((record["status"], record["source"]))
    differ = {
        qid: (want, got.get(qid))
        for qid, want in committed.items()
        if got.get(qid) != [(want["status"], want["source"])]
    }
    with capsys.disabled():
        print(f"\nvendored through audit: {len(committed) - len(differ)} of {len(committed)} formula claims as verify")
    assert not differ
    # nothing else located to a quantity; not answered: only quantities the report states in words
    others = {qid: statuses for qid, statuses in got.items() if qid not in committed}
    assert others and all(s == [("not answered", None)] for s in others.values()), others
    assert not any(_states_a_formula(registry.get(qid)) for qid in others)


def test_a_reason_with_latex_specials_is_escaped_in_the_document():

    record = {
        "id": None,
        "where": "Q2(b), line 29",
        "source": "(k-1)d",
        "status": "not judged",
        "reason": "dilated.rf_closed_form: cannot read '(k-1)d' & more (100%)",
    }
    tex = audit_document("r.md", [record], "en")
    assert r"dilated.rf\_closed\_form" in tex and r"\&" in tex and r"100\%" in tex


def test_an_audit_document_is_the_reports_document_for_the_judged_formulas():

    records = [
        {
            "id": "dilated.rf_closed_form",
            "where": "Q2(b), line 3",
            "source": "RF_i = 1 + i k",
            "status": "refuted",
            "extension": False,
            "evidence": [
                {
                    "tier": "sampled",
                    "method": "vectorised lambdify",
                    "passed": False,
                    "samples": 10,
                    "max_abs_error": 4.0,
                    "tolerance": None,
                    "detail": "",
                }
            ],
            "counterexample": {"values": {"i": 1, "k": 3, "d": 2}, "claimed": 4, "reference": 5, "part": "side 2"},
            "correction": None,
            "condition": None,
            "seed": 0,
        },
        {"id": "dilated.output_size", "where": "Q2(c)", "source": None, "status": "not answered", "reason": ""},
    ]
    tex = audit_document("r.md", records, "en")
    assert "\\section{Question 2" in tex and "dilated.rf\\_closed\\_form" in tex
    assert "Not answered" in tex and "Counterexample" in tex
    assert "declared for the vendored report only" in tex


def test_verdicts_survive_their_json_records():
    from convproof.verify import run_all
    from convproof.verify.results import Verdict

    for verdict in run_all(samples=60, seed=0, oracle=False):
        again = Verdict.from_json(verdict.to_json(), question=verdict.question, part=verdict.part)
        assert again.to_json() == verdict.to_json(), verdict.claim_id


def test_q3_total_against_the_reports_own_column_or_the_network(quantities):
    """The sum of Q3's parameter column is judged against the values the same report wrote in that column;
    a report with no column gets its sum judged against the network's trainable parameters."""
    alone = "## Question 3\n\n$$224 + 16 + 3216 + 1450 = 4906$$\n"
    record = next(r for r in audit_text(alone, quantities, samples=100) if r["id"] == "cnn_table.total_sum")
    assert (record["status"], record["located_by"], record["stated"]) == ("verified", "calculation", [])
    table = (
        "## Question 3\n\n| Layer | Output | Params |\n|---|---|---|\n| CONV3-8 | 32x32x8 | 224 |\n"
        "| ReLU | 32x32x8 | 0 |\n| BATCHNORM | 16x16x8 | 16 |\n\n$$224 + 0 + 16 = 250$$\n"
    )
    records = audit_text(table, quantities, samples=100)
    total = next(r for r in records if r["id"] == "cnn_table.total_sum")
    assert (total["status"], total["stated"]) == ("refuted", ["224", "0", "16"])  # 224 + 0 + 16 is 240
    assert total["counterexample"]["reference"] == 240


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_the_persian_audit_has_no_english_prose(path, quantities, english_prose):
    """The Persian edition of every corpus report's audit: convproof's own words in Persian (the reasons a
    formula was not judged, its place, the readings of claims another report's text makes)."""
    text = load_report(path)
    records = audit_text(text, quantities, name=path.name, sidecar=read_sidecar(path), samples=100)
    tex = audit_document(path.name, records, "fa")
    body = tex[tex.index("\\begin{document}") :].replace(path.name, " ")
    body = re.sub(r"\\texttt\{[^{}]*\}|[\w\\]+(?:\\_|\.)[\w\\.]*", " ", body)  # identifiers (log_of_sigmoid)
    body = re.sub(r"\$[^$]*\$|\\verdict\{\w+\}|\\[a-zA-Z]+", " ", body)
    words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", body)}
    own = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", text)}
    assert words & english_prose - own == set()
    assert "line" not in words and "no quantity of the homework" not in tex
