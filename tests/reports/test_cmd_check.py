"""``convproof check`` and the formula counts of ``convproof claims``: output and exit codes."""

from __future__ import annotations

import json

import pytest

from convproof.derivations.claims import catalogue
from convproof.reports.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_equivalent_rewriting_exits_0(capsys):
    code, out, _ = run(
        capsys,
        "check",
        "k + (k - 1)(d - 1)",
        "--against",
        "1 + d(k - 1)",
        "--assume",
        "k, d: positive integer",
        "--seed",
        "1",
    )
    assert code == 0
    assert out.startswith("holds: ")
    assert "k: integers in [1, 10]" in out
    assert "seed 1" in out


def test_near_miss_exits_1_with_a_counterexample(capsys):
    code, out, _ = run(
        capsys, "check", "N - kd + d + 1", "--against", "N - d(k - 1)", "--assume", "N, k, d: positive integer"
    )
    assert code == 1
    assert out.startswith("refuted: ")
    assert "counterexample" in out
    assert "replay with --seed" in out


def test_check_against_a_claim_prints_the_correction(capsys):
    code, out, _ = run(capsys, "check", "RF_i = 1 + i d k", "--claim", "dilated.rf_closed_form", "--seed", "4")
    assert code == 1
    assert "correct: RF_i = " in out
    assert "checked against the reference of dilated.rf_closed_form" in out


def test_check_json_is_the_verdict_record(capsys):
    code, out, _ = run(capsys, "check", "1 + id(k - 1)", "--claim", "dilated.rf_closed_form", "--json", "--seed", "2")
    record = json.loads(out)
    assert code == 0
    assert record["status"] == "verified"
    assert record["id"] == "dilated.rf_closed_form"
    assert record["source"] == "1 + id(k - 1)"
    assert record["seed"] == 2


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["check", "1 + \\frac{k", "--claim", "dilated.rf_closed_form"], "at column"),
        (["check", "1 + q", "--claim", "dilated.rf_closed_form"], "undeclared symbols q"),
        (["check", "1 + k", "--claim", "dilated.rf_closed_frm"], "did you mean dilated.rf_closed_form"),
        (["check", "k", "--against", "k", "--assume", "k: complex"], "one kind"),
        (["check", "k", "--claim", "dilated.rf_base", "--assume", "k: integer"], "--assume goes with --against"),
        (["check", "k"], "--claim ID or --against LATEX2"),
        (["check", "k", "--claim", "dilated.rf_base", "--against", "k"], "not allowed with"),
    ],
    ids=[
        "unbalanced",
        "unknown-symbol",
        "unknown-claim",
        "bad-assume",
        "assume-with-claim",
        "no-target",
        "two-targets",
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, needle):
    with pytest.raises(SystemExit) as exit_info:
        raise SystemExit(main(argv))
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_claims_prints_the_formula_counts(capsys):
    code, out, _ = run(capsys, "claims")
    counts = catalogue.counts(catalogue.account())
    assert code == 0
    assert (
        f"{counts['formulas']} formulas in the report ({counts['display']} display, {counts['inline']} inline)" in out
    )
    assert f"{counts['non-claim']} non-claims, {counts['unaccounted']} unaccounted" in out


def test_claims_formulas_json_lists_every_formula(capsys):
    code, out, _ = run(capsys, "claims", "--formulas", "--json")
    data = json.loads(out)
    assert code == 0
    assert len(data["formulas"]) == data["counts"]["formulas"]
    statuses = {r["status"] for r in data["formulas"]}
    assert statuses <= {"claim", "non-claim", "unaccounted"}
    for record in data["formulas"]:
        assert bool(record["claims"]) == (record["status"] == "claim")
        assert (record["reason"] is not None) == (record["status"] == "non-claim")
