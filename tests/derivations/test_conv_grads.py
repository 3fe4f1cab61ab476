"""Q4: the report's gradient formulas, read from its LaTeX and judged by the checks."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given
from hypothesis import strategies as st

from convproof.derivations.checks.finite_diff import central_difference
from convproof.derivations.checks.torch_oracle import have_torch
from convproof.derivations.claims import conv_grads, registry
from convproof.derivations.claims.conv_grads import network as net
from convproof.derivations.claims.conv_grads import numeric as sim
from convproof.derivations.claims.conv_grads import terms
from convproof.derivations.claims.conv_grads.hooks import numeric, torch_gradient
from convproof.verify import run_claim

Q4 = [c.id for c in registry.all_claims() if c.topic == "conv_grads"]
GRADIENTS = {f"conv_grads.{row[0]}": (row[3], row[4]) for row in conv_grads.GRADIENTS}


@pytest.fixture(scope="module")
def verdicts():
    return {claim_id: run_claim(claim_id, samples=400, seed=5) for claim_id in Q4}


def test_every_q4_formula_of_the_report_is_a_claim(report_text):
    section = report_text[report_text.index("سوال 4") :]
    formulas = re.findall(r"\$\$(.+?)\$\$", section)
    sources = {registry.get(claim_id).source for claim_id in Q4}
    assert len(formulas) == 20
    assert set(formulas) <= sources
    assert "w_1, w_2, w_3, a, b, k_1, k_2, k_3" in sources


def test_statements_are_parsed_from_the_report():
    cases = registry.get("conv_grads.dv1_dz1_cases").statement[1]
    z1, z2 = net.Z_SYMBOLS[:2]
    assert cases == sp.Piecewise((0, (net.pool2(z1, z2) < 0) & (z1 < 0) & (z2 < 0)), (1, net.pool2(z1, z2) > 0))
    chain = registry.get("conv_grads.dL_dk1").statement
    assert len(chain) == 3  # the aligned block is one chain: dL/dk_1 = sum of paths = alpha form


REFUTED = {
    "conv_grads.parameters",
    "conv_grads.dL_dw1",
    "conv_grads.dv1_dz1_cases",
    "conv_grads.dL_dz1_cases",
    "conv_grads.dL_dz3_cases",
    "conv_grads.dv1_dz2_cases",
    "conv_grads.dv2_dz2_cases",
}


@pytest.mark.parametrize("claim_id", Q4)
def test_verdict_as_the_checks_computed_it(claim_id, verdicts):
    verdict = verdicts[claim_id]
    if registry.get(claim_id).is_prose:
        assert verdict.status == "unverifiable"
    elif claim_id in REFUTED:
        assert verdict.status == "refuted"
        assert verdict.counterexample is not None
    else:
        assert verdict.status == "verified", verdict
    if claim_id in GRADIENTS:
        # every tier ran on a gradient claim, and they agree with each other
        assert {e.tier for e in verdict.evidence} >= {"symbolic", "sampled"}
        decided = {e.passed for e in verdict.evidence if e.passed is not None}
        assert decided == {claim_id not in REFUTED}


def test_parameter_list_names_w3_as_the_extra(verdicts):
    record = verdicts["conv_grads.parameters"].counterexample
    assert sorted(set(record.claimed) - set(record.reference)) == ["w_3"]
    assert sorted(record.reference) == ["a", "b", "k_1", "k_2", "k_3", "w_1", "w_2"]
    assert record.part == "parameter list"


def test_question_and_part_follow_where():
    for claim_id in Q4:
        claim = registry.get(claim_id)
        assert (claim.question, f"({claim.part})") == ("Q4", claim.where[2:]), claim_id
    planted = conv_grads.gradient_claim("conv_grads.planted", "c", None, "L", "a", "", latex="a = 1")
    assert (planted.question, planted.part, planted.where) == ("Q4", "c", "Q4(c)")


def _true_derivative(of: str, wrt: str, values: dict) -> float:
    """Central difference of the simulated network at one instance (independent of the claims)."""
    if wrt in net.BASE:
        row = np.array([[values[name] for name in net.BASE]])
        return central_difference(
            lambda x: sim.forward(dict(zip(net.BASE, x.T, strict=True)))[of], row, net.BASE.index(wrt)
        )[0]
    head = ("z_1", "z_2", "z_3", "w_1", "w_2", "a", "y")
    z = sim.forward({k: np.array([v]) for k, v in values.items()})["z"][0]
    row = np.array([[*z, *(values[name] for name in head[3:])]])
    return central_difference(
        lambda x: sim.head_numpy(x[:, :3], dict(zip(head, x.T, strict=True)))[of], row, head.index(wrt)
    )[0]


@pytest.mark.parametrize("claim_id", sorted(REFUTED & set(GRADIENTS)))
def test_counterexample_is_a_real_network_instance(claim_id, verdicts):
    record = verdicts[claim_id].counterexample
    values = record.instance
    assert set(values) == set(net.BASE)  # u, k, b, w, a, y: a whole instance of the network
    claim = registry.get(claim_id)
    part = dict(claim.claimed)[record.part]
    claimed = float(part.xreplace({net.SYMBOLS[n]: v for n, v in values.items()}).rewrite(sp.Max))
    assert claimed == pytest.approx(record.claimed)
    truth = _true_derivative(*GRADIENTS[claim_id], values)
    assert truth == pytest.approx(record.reference, abs=1e-6)
    assert abs(claimed - truth) > 1e-3
    assert verdicts[claim_id].correction.startswith(claim.lhs)


@st.composite
def instances(draw):
    values = {name: draw(st.floats(-2, 2, allow_nan=False)) for name in net.BASE}
    z = sim.forward({k: np.array([v]) for k, v in values.items()})["z"]
    assume(sim.kink_distance(z)[0] > 1e-3)
    return values


@given(instances())
def test_reference_gradients_match_finite_differences(values):
    for wrt in net.PARAMETERS:
        value = numeric(net.derivative_z("L", wrt), {k: np.array([v]) for k, v in values.items()})[0]
        assert value == pytest.approx(_true_derivative("L", wrt, values), rel=1e-6, abs=1e-6)


def test_direct_and_chain_rule_references_agree():
    rng = np.random.default_rng(3)
    values = sim.sample(500, rng)
    for wrt in net.PARAMETERS:
        direct = sp.lambdify([net.SYMBOLS[n] for n in net.BASE], net.derivative("L", wrt))
        np.testing.assert_allclose(direct(*values.values()), numeric(net.derivative_z("L", wrt), values), atol=1e-12)


def test_tie_conventions_are_pytorchs():
    z1, z2 = net.Z_SYMBOLS[:2]
    tie = {z1: 1, z2: 1}
    assert net.derivative_z("v_1", "z_1").xreplace(tie) == 1  # the window's first element wins
    assert net.derivative_z("v_1", "z_2").xreplace(tie) == 0
    assert net.derivative_z("v_1", "z_1").xreplace({z1: 0, z2: -1}) == 0  # relu'(0) = 0
    assert sp.diff(sp.Max(0, z1, z2), z1).xreplace(tie) == sp.Rational(1, 2)  # where SymPy's Max differs


@pytest.mark.skipif(not have_torch(), reason="PyTorch not installed")
def test_torch_agrees_at_an_exact_tie():
    # k = (1, 0, 0), b = 0: z = (u_1, u_2, u_3) = (1, 1, 0.5) exactly, a tie in the first window
    values = {name: np.zeros(1) for name in net.BASE}
    values.update(u_1=np.ones(1), u_2=np.ones(1), u_3=np.full(1, 0.5), k_1=np.ones(1), w_1=np.ones(1))
    for wrt in ("z_1", "z_2"):
        ours = numeric(net.derivative_z("v_1", wrt), values)
        assert ours.tolist() == torch_gradient("v_1", wrt, values).tolist()


PLANTED = [
    ("sign flip", r"\frac{\partial L}{\partial w_2} = -(\hat{y} - y) v_2", "L", "w_2"),
    ("dropped term", r"\frac{\partial L}{\partial k_1} = \alpha_1 u_1 + \alpha_2 u_2", "L", "k_1"),
    ("shifted index", r"\frac{\partial L}{\partial k_2} = \alpha_1 u_3 + \alpha_2 u_4 + \alpha_3 u_5", "L", "k_2"),
    (
        "wrong branch of the max",
        r"\frac{\partial v_1}{\partial z_1} = \begin{cases} 1 & \text{if } z_1 > 0 \\ 0 & \text{otherwise} \end{cases}",
        "v_1",
        "z_1",
    ),
    ("one path of z_2", r"\frac{\partial L}{\partial z_2} = \delta_1 \frac{\partial v_1}{\partial z_2}", "L", "z_2"),
]


@pytest.mark.parametrize(("name", "latex", "of", "wrt"), PLANTED, ids=[row[0] for row in PLANTED])
def test_wrong_variants_are_refuted(name, latex, of, wrt):
    lhs = rf"\frac{{\partial {of}}}{{\partial {wrt}}}"
    claim = conv_grads.gradient_claim("conv_grads.planted", "b", None, of, wrt, lhs, latex=latex)
    verdict = run_claim(claim, samples=300, seed=2)
    assert verdict.status == "refuted"
    assert set(verdict.counterexample.instance) == set(net.BASE)
    assert all(e.passed is False for e in verdict.evidence if e.tier in ("symbolic", "sampled"))


def test_planted_truth_is_verified():
    latex = r"\frac{\partial L}{\partial k_2} = \alpha_1 u_2 + \alpha_2 u_3 + \alpha_3 u_4"
    claim = conv_grads.gradient_claim("conv_grads.planted", "b", None, "L", "k_2", "", latex=latex)
    assert run_claim(claim, samples=300, seed=2).status == "verified"


@pytest.mark.parametrize("claim_id", [cid for cid in Q4 if registry.get(cid).readable is not None])
def test_the_readable_correction_is_the_reference_in_the_reports_terms(claim_id):
    claim = registry.get(claim_id)
    # the loss factor is folded into yhat or the deltas: the output bias a no longer appears
    assert net.SYMBOLS["a"] not in claim.readable.free_symbols
    back = net.at_inputs(terms.expanded(claim.readable))
    assert sp.expand(back - claim.reference) == 0
