"""convproof audit: the reader finds the vendored report's formulas, the corpus gets its written verdicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convproof.derivations.claims import catalogue, homework, registry
from convproof.derivations.errors import BadInputError
from convproof.reports.audit_batch import audit_files, class_rows
from convproof.reports.audit_judge import audit_text, load_report, read_sidecar
from convproof.reports.locator import locate
from convproof.reports.reader import read_text
from convproof.reports.reader_places import Tracker
from convproof.verify.runner import run_claim

DATA = Path(__file__).resolve().parents[1] / "data" / "reports"
REPORTS = sorted(p for p in DATA.iterdir() if p.suffix in (".md", ".tex"))
PLANTED = DATA / "planted.fa.md"


@pytest.fixture(scope="module")
def quantities():
    return homework.quantities()


def test_reader_finds_the_catalogues_formulas_of_the_vendored_report():
    found = read_text(catalogue.report_text())
    expected = catalogue.formulas()
    assert len(found) == len(expected) == 118
    assert sum(f.kind == "display" for f in found) == 48
    assert [(f.latex, f.line, f.kind) for f in found] == [(f.latex, f.line, f.kind) for f in expected]


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


def test_recall_and_precision_on_planted_errors(quantities, capsys):
    planted = {
        "metrics.mse",
        "metrics.rmse",
        "activations.elu",
        "dilated.rf_closed_form",
        "conv_grads.dL_dw2",
        "conv_grads.z3_expansion",
    }
    records = audit_text(load_report(PLANTED), quantities, name=str(PLANTED), samples=400)
    flagged = {r["id"] for r in records if r["status"] in ("refuted", "not parsed")}
    true = planted & flagged
    recall, precision = len(true) / len(planted), len(true) / max(len(flagged), 1)
    with capsys.disabled():
        print(f"\nplanted errors: recall {recall:.2f} ({len(true)}/{len(planted)}), precision {precision:.2f}")
    assert precision == 1.0
    assert recall >= 0.5


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
    results = audit_files([str(DATA / "partial.md"), str(PLANTED)], quantities, samples=200)
    rows = {row["id"]: row for row in class_rows(results, quantities)}
    row = rows["dilated.rf_closed_form"]
    assert (row["answered"], row["right"], row["wrong"]) == (2, 1, 1)
    assert row["wrong_forms"] and "i(k - 1)" in row["wrong_forms"][0][0]


def test_vendored_verdicts_through_audit_match_verify(quantities, capsys):
    """Every vendored formula located to a claim gets verify's status: all 87 of them agree (GELU's
    f(x) forms by their shape, the activation chart's cells by their labels, Q2(c) and the IQR by their
    symbols). Not located: three bare cells of the chart and Q3's four calculations (docs/audit.md)."""
    records = audit_text(catalogue.report_text(), quantities, name="vendored.md", samples=400)
    same, differ = 0, []
    for record in records:
        if record["id"] is None or record["status"] == "not answered":
            continue
        status = run_claim(registry.get(record["id"]), samples=400, seed=0, oracle=False).status
        if status == record["status"]:
            same += 1
        else:
            differ.append((record["line"], record["id"], record["status"], status))
    with capsys.disabled():
        print(f"\nvendored through audit: {same} as verify, {len(differ)} differ")
    assert same >= 87 and not differ, differ


def test_a_reason_with_latex_specials_is_escaped_in_the_document():
    from convproof.reports.audit_tex import audit_document

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
    from convproof.reports.audit_tex import audit_document

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
