"""Q1(b): the activation definitions against PyTorch (values and kink derivatives), and the claims' verdicts."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.checks import torch_oracle as torch_oracle_module
from convproof.derivations.checks.cases import by_cases
from convproof.derivations.checks.grid import largest_disagreement
from convproof.derivations.checks.numeric import compile_expr
from convproof.derivations.claims import registry
from convproof.derivations.claims.activations import charts as activation_charts
from convproof.derivations.claims.activations import text as activation_text
from convproof.derivations.claims.activations.builder import TORCH, torch_oracle
from convproof.derivations.errors import BadInputError
from convproof.derivations.latex.front import parse
from convproof.derivations.lib import activations, gelu_bounds
from convproof.derivations.lib.symbols import x
from convproof.verify import run_claim

IDS = [c.id for c in registry.all_claims() if c.topic == "activations"]

# name -> (SymPy activation with its parameters, torch parameters, points of its kinks)
DEFINITIONS = {
    "relu": (activations.relu(x), {}, [0.0]),
    "leaky_relu": (activations.leaky_relu(x, sp.Rational(1, 10)), {"negative_slope": 0.1}, [0.0]),
    "prelu": (activations.prelu(x), {"a": 0.25}, [0.0]),
    "rrelu": (activations.rrelu(x), {"lower": 1 / 8, "upper": 1 / 3}, [0.0]),
    "elu": (activations.elu(x, 2), {"alpha": 2.0}, [0.0]),
    "selu": (activations.selu(x), {}, [0.0]),
    "gelu": (activations.gelu(x), {}, []),
    "gelu_tanh": (activations.gelu_tanh(x), {}, []),
    "silu": (activations.silu(x), {}, []),
    "softplus": (activations.softplus(x, 2), {"beta": 2.0}, []),
    "mish": (activations.mish(x), {}, []),
    "hardswish": (activations.hardswish(x), {}, [-3.0, 3.0]),
    "sigmoid": (activations.sigmoid(x), {}, []),
    "softsign": (activations.softsign(x), {}, [0.0]),
    "tanh": (activations.tanh(x), {}, []),
    "hardtanh": (activations.hardtanh(x), {"min_val": -1.0, "max_val": 1.0}, [-1.0, 1.0]),
    "hardsigmoid": (activations.hardsigmoid(x), {}, [-3.0, 3.0]),
    "tanhshrink": (activations.tanhshrink(x), {}, []),
    "softshrink": (activations.softshrink(x), {"lambd": 0.5}, [-0.5, 0.5]),
    "hardshrink": (activations.hardshrink(x), {"lambd": 0.5}, [-0.5, 0.5]),
    "logsigmoid": (activations.logsigmoid(x), {}, []),
}


def test_every_torch_counterpart_has_a_definition_under_test():
    assert set(TORCH) == set(DEFINITIONS)


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
def test_definition_matches_torch_values_and_autograd_at_kinks(name):
    torch = pytest.importorskip("torch")
    expr, params, kinks = DEFINITIONS[name]
    points = np.concatenate([np.linspace(-5.5, 5.5, 23) + 0.0137, kinks])
    tensor = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    out = TORCH[name](torch.nn.functional, tensor, params)
    out.sum().backward()
    values = compile_expr(expr, [x])(points)
    slopes = compile_expr(sp.diff(expr, x), [x])(points)
    np.testing.assert_allclose(np.broadcast_to(values, points.shape), out.detach().numpy(), rtol=1e-12, atol=1e-13)
    # some backward kernels hold their constants in float32 (hardsigmoid's 1/6)
    np.testing.assert_allclose(np.broadcast_to(slopes, points.shape), tensor.grad.numpy(), rtol=1e-7, atol=1e-13)


def _numeric(expr):
    return lambda v: float(compile_expr(expr, [x])(np.array([v]))[0])


@given(st.floats(-30, 30, allow_nan=False))
def test_identities_between_definitions(v):
    sig, plus, gelu = _numeric(activations.sigmoid(x)), _numeric(activations.softplus(x)), _numeric(activations.gelu(x))
    assert sig(v) + sig(-v) == pytest.approx(1, abs=1e-12)
    assert plus(v) - plus(-v) == pytest.approx(v, abs=1e-9)
    assert gelu(v) - gelu(-v) == pytest.approx(v, abs=1e-9)
    assert _numeric(activations.hardswish(x))(v) == pytest.approx(v * _numeric(activations.hardsigmoid(x))(v))
    assert _numeric(activations.logsigmoid(x))(v) == pytest.approx(-plus(-v), abs=1e-9)


@pytest.fixture(scope="module")
def verdicts():
    """Every activation claim checked once, for the tests below."""
    return {cid: run_claim(cid, samples=300, seed=7) for cid in IDS}


@pytest.mark.parametrize("claim_id", IDS)
def test_activation_claim_gets_a_verdict_from_its_checks(claim_id, verdicts):
    claim = registry.get(claim_id)
    verdict = verdicts[claim_id]
    if claim.is_prose:
        assert verdict.status == "unverifiable"
        return
    tiers = {e.tier for e in verdict.evidence}
    if claim.claimed:
        assert {"symbolic", "sampled"} <= tiers
    if verdict.status in ("refuted", "conditional", "approximate"):
        assert verdict.counterexample is not None
        assert verdict.correction.endswith(sp.latex(claim.reference))
    else:
        assert verdict.status == "verified", verdict


# What the checks computed for the entries the report gets wrong, and for the conditional ones.
COMPUTED = {
    "activations.chart1_gelu": "refuted",
    "activations.chart1_prelu": "refuted",
    "activations.chart1_elu": "refuted",
    "activations.chart1_hardswish": "refuted",
    "activations.chart1_softsign": "refuted",
    "activations.chart1_hard_sigmoid": "refuted",
    "activations.chart2_softsign": "refuted",
    "activations.chart2_leaky_relu": "refuted",
    "activations.gelu_tanh_form": "approximate",
    "activations.gelu_sigmoid_form": "approximate",
    "activations.selu_hyperparameters": "refuted",
    "activations.prelu": "conditional",
    "activations.rrelu": "conditional",
}


def test_computed_statuses(verdicts):
    found = {cid: v.status for cid, v in verdicts.items() if v.status in ("refuted", "conditional", "approximate")}
    assert found == COMPUTED


def test_the_approximations_carry_their_certified_bound(verdicts):
    """An approximation's status and bound come from the certified tier: the bound is the certified sup."""
    for form in ("tanh", "sigmoid"):
        verdict = verdicts[f"activations.gelu_{form}_form"]
        assert verdict.bound == gelu_bounds.gelu_error_bound(form).upper
        assert any(e.tier == "certified" and e.passed is False for e in verdict.evidence)


def test_every_claim_is_placed_in_q1_b():
    claims = [c for c in registry.all_claims() if c.topic == "activations"]
    assert len(claims) == len(IDS) > 50
    for claim in claims:
        assert (claim.question, claim.part) == ("Q1", "b"), claim.id
        assert claim.where.startswith("Q1(b)")


def test_oracle_hooks_give_outcomes_or_skip_without_torch(monkeypatch):
    claim = registry.get("activations.chart1_softsign")
    outcome = claim.oracle(50, np.random.default_rng(3))
    if outcome is not None:  # torch installed: the damaged softsign is refuted, on the worse side
        assert outcome.passed is False and outcome.counterexample.instance["x"] < 0
    monkeypatch.setattr(torch_oracle_module, "have_torch", lambda: False)
    assert claim.oracle(50, np.random.default_rng(3)) is None
    assert registry.get("activations.elu_alpha").oracle(1, None) is None


def test_every_chart_entry_is_a_claim():
    names = [c.where.rsplit(", ", 1)[1] for c in registry.all_claims() if "chart" in c.where]
    assert len(names) == 30
    assert {"Step Function", "Sinc", "Log of Sigmoid", "Hard Shrink", "HardSwish"} <= set(names)


def test_wrong_entry_reports_its_largest_disagreement():
    verdict = run_claim("activations.chart1_hardswish", samples=300, seed=1)
    window = next(e for e in verdict.evidence if e.method.startswith("grid"))
    assert window.passed is False and "at $x = 6.0000$" in window.detail
    assert window.max_abs_error == pytest.approx(4.5)


def test_condition_is_derived_for_the_max_form():
    a = sp.Symbol("a", real=True)
    condition = activation_text.max_form_condition
    assert condition(sp.Max(a * x, x), activations.leaky_relu(x, a), a).as_set() == sp.Interval(-sp.oo, 1)
    assert condition(sp.Min(a * x, x), activations.leaky_relu(x, a), a).as_set() == sp.Interval(1, sp.oo)
    assert registry.get("activations.prelu").condition == (activation_text.alpha <= 1)


WRONG = {
    "activations.relu": [r"\max(0, -x)", r"\max(1, x)", r"\min(0, x)"],
    "activations.gelu_erf_form": [r"\frac{1}{2} x ( 1 + erf(x) )", r"x ( 1 + erf(\frac{x}{\sqrt{2}}) )"],
    "activations.chart2_mish": [r"x \tanh(x)", r"\tanh(\text{softplus}(x))"],
    "activations.chart1_soft_shrink": [
        r"\begin{cases} x - \lambda & \text{if } x > \lambda \\ x - \lambda & \text{if } x < -\lambda \\ 0 & \text{otherwise} \end{cases}"
    ],
    "activations.elu": [r"\begin{cases} x & \text{if } x \geq 0 \\ \alpha(e^x + 1) & \text{otherwise} \end{cases}"],
}


@pytest.mark.parametrize(("claim_id", "latex"), [(c, t) for c, ts in WRONG.items() for t in ts], ids=str)
def test_wrong_variants_are_refuted(claim_id, latex):
    claim = registry.get(claim_id)
    names = {**activation_charts.NAMES, "alpha": activation_text.alpha}
    mutant_expr = parse(latex, names, functions={"softplus": activations.softplus})
    parts = (("mutant", mutant_expr),)
    prover = by_cases(parts, claim.reference, claim.domain)
    mutant = replace(claim, claimed=parts, prover=prover, checks=(), oracle=None, condition=None)
    verdict = run_claim(mutant, samples=300, seed=11)
    assert verdict.status == "refuted"
    assert verdict.correction.endswith(sp.latex(claim.reference))


def test_largest_disagreement_finds_the_pole_of_the_damaged_softsign():
    result = largest_disagreement(x / (1 + x), activations.softsign(x))(0, np.random.default_rng(0))
    assert result.passed is False and result.worst_case
    assert result.counterexample.instance["x"] == pytest.approx(-1, abs=1e-3)
    assert "undefined" in result.detail


def test_helpers_reject_bad_input():
    with pytest.raises(BadInputError, match="no PyTorch counterpart"):
        torch_oracle((("f", x),), x, "swishy")
    with pytest.raises(BadInputError, match="fix every parameter"):
        largest_disagreement(x * sp.Symbol("q"), x)(0, None)


def test_rrelu_remark_is_dropped_for_the_parser_only():
    claim = registry.get("activations.chart1_rrelu")
    assert r"\mathcal{R}(l, u)" in claim.source
    assert claim.claimed[0][1] == sp.Piecewise((x, x >= 0), (activation_charts.a * x, True))
