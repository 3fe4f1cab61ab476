"""Q3: the report's layer table judged cell by cell, its arithmetic and total, and planted mistakes."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import sympy as sp

from convproof.derivations.checks.torch_layers import torch_forward
from convproof.derivations.checks.torch_oracle import have_torch
from convproof.derivations.claims import cnn_table
from convproof.derivations.claims.cnn_table.witness import cell
from convproof.derivations.latex.front import parse_chain, parse_shape
from convproof.derivations.lib.forward import numpy_forward
from convproof.derivations.lib.layer_notation import parse_layer_spec
from convproof.derivations.outcome import Counterexample
from convproof.verify import run_claim

CLAIMS = {claim.id: claim for claim in cnn_table.claims()}
TORCH = have_torch()


@pytest.fixture(scope="module")
def verdicts():
    return {cid: run_claim(claim, samples=50, seed=3) for cid, claim in CLAIMS.items()}


def test_table_text_is_verbatim_in_the_report(report_text):
    assert cnn_table.TABLE in report_text
    for text in (*cnn_table.CALCULATIONS, cnn_table.TOTAL, cnn_table.TOTAL_SENTENCE):
        assert text in report_text


def test_every_row_has_a_shape_and_a_parameter_claim():
    rows = cnn_table.table_cells()[1:]
    assert sum(cid.endswith(".shape") for cid in CLAIMS) == len(rows)
    assert sum(cid.endswith(".params") for cid in CLAIMS) == len(rows)
    assert sum(cid.startswith("cnn_table.calc.") for cid in CLAIMS) == 4


@pytest.mark.parametrize("claim_id", list(CLAIMS))
def test_each_claim_gets_its_verdict_from_the_tiers(claim_id, verdicts):
    claim, verdict = CLAIMS[claim_id], verdicts[claim_id]
    if claim.is_prose:
        assert verdict.status == "unverifiable"
        return
    tiers = {e.tier: e.passed for e in verdict.evidence}
    assert {"symbolic", "sampled"} <= set(tiers)
    if claim.brute is not None:
        assert tiers["brute-force"] is not None
        assert (tiers["oracle"] is None) == (not TORCH)
    failed = [tier for tier, passed in tiers.items() if passed is False]
    assert (verdict.status == "refuted") == bool(failed)
    if failed:
        # no tier passed a value another tier refuted
        assert not any(tiers.values())


def test_what_the_checks_computed(verdicts):
    status = {cid: v.status for cid, v in verdicts.items()}
    refuted = {cid for cid, s in status.items() if s == "refuted"}
    assert refuted == {
        "cnn_table.batchnorm.params",
        "cnn_table.conv2.params",
        "cnn_table.fc.params",
        "cnn_table.total_sum",
        "cnn_table.total_params",
    }
    assert {cid for cid, s in status.items() if s == "unverifiable"} == {"cnn_table.relu1.params"}
    assert all(status[cid] == "verified" for cid in CLAIMS if cid.endswith(".shape") or ".calc." in cid)


def test_refuted_cells_are_corrected_from_the_layer_table(verdicts):
    table = cnn_table.corrected_table()
    keys = cnn_table._keys(table)
    for key, row in zip(keys, table.rows, strict=True):
        verdict = verdicts[f"cnn_table.{key}.params"]
        if verdict.status != "refuted":
            continue
        assert verdict.counterexample.reference == row.params
        assert verdict.correction.endswith(sp.latex(sp.Integer(row.params)))


def test_conv2_cell_multiplies_right_but_states_a_wrong_product(verdicts):
    verdict = verdicts["cnn_table.conv2.params"]
    assert verdict.counterexample.part == "side 2"
    claim = CLAIMS["cnn_table.conv2.params"]
    assert sp.simplify(claim.claimed[0][1] - claim.reference) == 0


def test_report_total_is_not_the_sum_of_its_own_cells(verdicts):
    verdict = verdicts["cnn_table.total_sum"]
    assert verdict.counterexample.part == "side 2"
    stated = [c.claimed[-1][1] for cid, c in CLAIMS.items() if cid.endswith(".params") and c.claimed]
    assert verdict.counterexample.reference == sum(int(sp.simplify(v)) for v in stated)


def test_total_is_the_sum_of_the_witnessed_layers(verdicts):
    spec, shape = cnn_table.report_network()
    measured = sum(row["params"] for row in numpy_forward(parse_layer_spec(spec), shape))
    assert verdicts["cnn_table.total_params"].counterexample.reference == measured
    assert cnn_table.corrected_table().params == measured


def test_each_cell_names_its_table_row():
    for claim in CLAIMS.values():
        assert claim.question == "Q3"
        row = re.fullmatch(r"Q3 table: .+, row (\d+)", claim.where)
        assert claim.part == (f"table row {row.group(1)}" if row else "")
    assert CLAIMS["cnn_table.conv2.params"].part == "table row 5"
    assert sum(claim.part.startswith("table row") for claim in CLAIMS.values()) == 2 * len(cnn_table.table_cells()[1:])


def test_oracle_counterexample_names_the_failing_part():
    oracle = _mutant("cnn_table.conv1.params", r"[(3 \times (3 \times 3)) + 1] \times 8 = 225").oracle
    outcome = oracle(1, None)
    if outcome is None:
        pytest.skip("PyTorch not installed")
    assert (outcome.passed, outcome.detail) == (False, "mutant 2 differs")
    assert outcome.counterexample == Counterexample({}, 225, 224, "mutant 2")


def test_cells_are_parsed_from_the_source_not_typed():
    assert CLAIMS["cnn_table.conv2.params"].statement == parse_chain(CLAIMS["cnn_table.conv2.params"].source, {})
    assert CLAIMS["cnn_table.pool2.shape"].statement == parse_shape(CLAIMS["cnn_table.pool2.shape"].source, {})
    # the report writes vectors as 1 x 1 x n: read as the n-vector the layer outputs
    assert CLAIMS["cnn_table.flatten.shape"].claimed[0][1] == sp.Tuple(CLAIMS["cnn_table.flatten.shape"].statement[-1])


def test_corrected_table_agrees_with_pytorch():
    pytest.importorskip("torch")
    spec, shape = cnn_table.report_network()
    measured = torch_forward(parse_layer_spec(spec), shape)
    table = cnn_table.corrected_table()
    assert [(r.output_shape, r.params, r.nontrainable) for r in table.rows] == [
        (m["shape"], m["params"], m["nontrainable"]) for m in measured
    ]


def _mutant(claim_id: str, latex: str, shape: bool = False):
    """The claim with a planted value; its brute force and oracle judge the planted parts."""
    claim = CLAIMS[claim_id]
    sides = (parse_shape(latex, {}),) if shape else parse_chain(latex, {})
    parts = tuple((f"mutant {n}", side) for n, side in enumerate(sides, start=1))
    index = int(claim.where.rsplit("row ", 1)[1]) - 1
    column = "shape" if (shape or ".calc." in claim_id) else "params"
    component = 0 if ".calc." in claim_id else None
    brute, oracle = cnn_table.hooks(cell(index, column, component), parts, claim.reference)
    return replace(claim, claimed=parts, brute=brute, oracle=oracle)


WRONG = [
    ("cnn_table.conv1.params", r"[(3 \times (3 \times 3)) + 1] \times 8 = 225", False),
    ("cnn_table.conv1.params", r"(3 \times (3 \times 3)) \times 8", False),
    ("cnn_table.pool1.params", r"2", False),
    ("cnn_table.conv1.shape", r"30 \times 30 \times 8", True),
    ("cnn_table.conv2.shape", r"5 \times 5 \times 16", True),
    ("cnn_table.flatten.shape", r"3 \times 3 \times 16", True),
    ("cnn_table.calc.conv2_size", r"\frac{(16-5)+2(2)}{2} + 1", False),
    ("cnn_table.calc.pool1_size", r"\frac{32-2}{1} + 1", False),
]


@pytest.mark.parametrize(("claim_id", "latex", "shape"), WRONG, ids=[f"{c}:{t}" for c, t, _ in WRONG])
def test_wrong_variants_are_refuted(claim_id, latex, shape):
    verdict = run_claim(_mutant(claim_id, latex, shape), samples=20, seed=11)
    assert verdict.status == "refuted"
    assert verdict.counterexample is not None
    assert verdict.correction.endswith(sp.latex(CLAIMS[claim_id].reference))
    tiers = {e.tier: e.passed for e in verdict.evidence}
    assert tiers["sampled"] is False
    assert tiers["oracle"] is (False if TORCH else None)


RIGHT = [
    ("cnn_table.conv2.params", r"[(8 \times (5 \times 5)) + 1] \times 16 = 3216"),
    ("cnn_table.fc.params", r"(144 + 1) \times 10"),
]


@pytest.mark.parametrize(("claim_id", "latex"), RIGHT, ids=[c for c, _ in RIGHT])
def test_right_values_are_verified(claim_id, latex):
    verdict = run_claim(_mutant(claim_id, latex), samples=20, seed=11)
    assert verdict.status == "verified"
    assert {e.tier for e in verdict.evidence if e.passed} >= {"symbolic", "sampled", "brute-force"}
