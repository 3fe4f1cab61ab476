"""Q1(d): batch norm in NumPy, its running statistics, and the report's claims."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from convproof.derivations.claims import batchnorm
from convproof.derivations.claims.batchnorm import hooks as checks
from convproof.derivations.errors import BadInputError
from convproof.derivations.latex.front import parse
from convproof.derivations.lib.batchnorm import (
    KERAS,
    PYTORCH,
    batch_mean,
    batch_norm_infer,
    batch_norm_train,
    batch_variance,
    running_stats,
)
from convproof.verify import run_claim

CLAIMS = {c.id: c for c in batchnorm.claims()}


@pytest.mark.parametrize("claim_id", list(CLAIMS))
def test_batchnorm_claim_gets_a_verdict_from_its_checks(claim_id):
    claim = CLAIMS[claim_id]
    verdict = run_claim(claim, samples=300, seed=7)
    if claim.is_prose:
        assert verdict.status == "unverifiable"
    elif claim_id == "batchnorm.ema_initial_values":
        # what the checks computed: PyTorch's and Keras's defaults start at (0, 1), not at the batch's;
        # PyTorch's cumulative average (momentum=None) takes the first batch whole
        assert verdict.status == "conditional" and "momentum=None" in verdict.convention
        failing = {e.method for e in verdict.evidence if e.passed is False}
        assert any("Keras" in m for m in failing) and any("lambdify" in m for m in failing)
        assert [e.passed for e in verdict.evidence if e.tier == "convention"] == [True]
        assert verdict.correction.endswith(sp.latex(claim.reference))
    else:
        assert verdict.status == "verified", verdict


def test_report_formula_is_parsed_not_typed():
    claim = CLAIMS["batchnorm.standardise"]
    assert claim.statement == sp.Eq(batchnorm.X, (batchnorm.X - batchnorm.MEAN) / batchnorm.STD)
    assert claim.claimed[0][1] == sp.Tuple(0, 1)


def test_ema_counterexample_is_pytorchs_first_update():
    verdict = run_claim(CLAIMS["batchnorm.ema_initial_values"], samples=200, seed=2)
    ce = verdict.counterexample
    x1, x2 = ce.instance["x_1"], ce.instance["x_2"]
    mean, var = (x1 + x2) / 2, (x1 - x2) ** 2 / 4
    assert ce.claimed == pytest.approx([mean, var])
    assert ce.reference == pytest.approx([0.1 * mean, 0.9 + 0.1 * 2 * var])


FORMULA_WRONG = [
    r"\frac{X_i - Mean_i}{StdDev_i^2}",
    r"\frac{X_i}{StdDev_i}",
    r"X_i - Mean_i",
    r"\frac{X_i - Mean_i}{2 StdDev_i}",
]


@pytest.mark.parametrize("latex", FORMULA_WRONG)
def test_wrong_normalisations_are_refuted(latex):
    rhs = parse(latex, batchnorm.FORMULA_NAMES, words=["Mean", "StdDev"])
    claim = CLAIMS["batchnorm.standardise"]
    mutant = replace(
        claim,
        claimed=(("mutant", batchnorm.formula_moments(rhs)),),
        checks=(("symbolic", checks.general_batch_proof(rhs, batchnorm.X, batchnorm.MEAN, batchnorm.STD)),),
        oracle=None,
    )
    verdict = run_claim(mutant, samples=300, seed=11)
    assert verdict.status == "refuted"
    assert all(e.passed is False for e in verdict.evidence if e.tier == "symbolic")


@pytest.mark.parametrize("wrong", ["(beta, gamma)", "(beta, gamma**2)", "(0, Abs(gamma))"])
def test_wrong_moments_after_gamma_beta_are_refuted(wrong):
    claim = CLAIMS["batchnorm.scale_shift"]
    names = {s.name: s for s in claim.domain}
    mutant = replace(claim, claimed=(("mutant", sp.Tuple(*sp.sympify(wrong, locals=names))),), checks=(), oracle=None)
    assert run_claim(mutant, samples=300, seed=5).status == "refuted"


def test_moments_hook_refutes_a_wrong_std():
    hook = checks.normalised_moments_check(lambda b: b, lambda g: g, affine=True)  # std = gamma, sign lost
    result = hook(200, np.random.default_rng(0))
    assert result.passed is False
    assert result.counterexample.part == "(mean, std) per channel"


def test_running_stats_conventions_after_one_batch():
    batch = np.array([[1.0, 10.0], [3.0, 14.0], [5.0, 12.0]])
    mean, var = batch.mean(axis=0), batch.var(axis=0)
    torch_mean, torch_var = running_stats([batch], PYTORCH)
    keras_mean, keras_var = running_stats([batch], KERAS)
    assert torch_mean == pytest.approx(0.1 * mean) and torch_var == pytest.approx(0.9 + 0.1 * var * 3 / 2)
    assert keras_mean == pytest.approx(0.01 * mean) and keras_var == pytest.approx(0.99 + 0.01 * var)


def test_running_stats_match_torch_over_several_batches():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(4)
    batches = [rng.normal(3.0, 2.0, (16, 3)) for _ in range(5)]
    layer = torch.nn.BatchNorm1d(3).double()
    for b in batches:
        layer(torch.from_numpy(b))
    mean, var = running_stats(batches, PYTORCH)
    assert np.allclose(layer.running_mean.numpy(), mean) and np.allclose(layer.running_var.numpy(), var)


finite = st.floats(-1e3, 1e3, allow_nan=False)


@given(arrays(float, st.tuples(st.integers(2, 12), st.integers(1, 4)), elements=finite))
def test_training_output_is_standardised_per_channel(x):
    y, _, var = batch_norm_train(x, eps=1e-5)
    assert np.allclose(y.mean(axis=0), 0, atol=1e-7)
    assert np.allclose(y.var(axis=0), var / (var + 1e-5), atol=1e-7)


@given(arrays(float, st.tuples(st.integers(1, 8), st.integers(1, 3), st.integers(1, 3)), elements=finite))
def test_inference_treats_each_sample_alone(x):
    mean, var = np.arange(x.shape[1], dtype=float), np.full(x.shape[1], 2.0)
    together = batch_norm_infer(x, mean, var)
    alone = np.concatenate([batch_norm_infer(x[i : i + 1], mean, var) for i in range(len(x))])
    assert np.array_equal(together, alone)


def test_general_batch_proof_names_the_failing_moments():
    rhs = batchnorm.X / batchnorm.STD  # not centred
    result = checks.general_batch_proof(rhs, batchnorm.X, batchnorm.MEAN, batchnorm.STD)(1, np.random.default_rng(0))
    assert result.passed is False
    assert result.counterexample.instance == {"n": "any"}
    assert result.counterexample.part == "(mean, variance)"
    assert result.counterexample.reference == [0, 1]


def test_ema_hook_counterexample_is_channel_zero():
    hook = checks.ema_convention_check(PYTORCH, lambda m, v: (m, v))
    result = hook(1, np.random.default_rng(3))
    assert result.passed is False
    ce = result.counterexample
    mean = float(np.mean(ce.instance["batch"]))
    assert ce.part == f"(running mean, running variance), {PYTORCH.name}"
    assert ce.claimed[0] == pytest.approx(mean, abs=1e-5) and ce.reference[0] == pytest.approx(0.1 * mean, abs=1e-5)


def test_every_claim_is_placed_in_q1_d():
    assert {(c.question, c.part) for c in CLAIMS.values()} == {("Q1", "d")}
    assert all(c.where.startswith("Q1(d)") for c in CLAIMS.values())


def test_symbolic_batch_statistics():
    x1, x2, x3 = sp.symbols("x_1:4", real=True)
    assert batch_mean([x1, x2, x3]) == (x1 + x2 + x3) / 3
    assert sp.simplify(batch_variance([x1, x2]) - (x1 - x2) ** 2 / 4) == 0
    assert sp.simplify(batch_variance([x1, x2], ddof=1) - (x1 - x2) ** 2 / 2) == 0


def test_hooks_on_training_and_single_samples():
    rng = np.random.default_rng(0)
    assert checks.inference_check(200, rng).passed
    assert checks.single_sample_proof(1, rng).passed
    assert checks.single_image_check(200, rng).passed


def test_general_batch_proof_holds_for_the_report_formula():
    hook = checks.general_batch_proof(
        (batchnorm.X - batchnorm.MEAN) / batchnorm.STD, batchnorm.X, batchnorm.MEAN, batchnorm.STD
    )
    result = hook(1, np.random.default_rng(0))
    assert result.passed, result
    assert result.counterexample is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: batch_norm_train(np.ones(3)), r"shape \(N, C\)"),
        (lambda: batch_norm_train(np.array([[1.0], [np.nan]])), "NaN"),
        (lambda: batch_norm_train(np.ones((2, 3)), gamma=np.ones(2)), r"shape \(3,\)"),
        (lambda: batch_norm_train(np.ones((2, 3)), eps=-1.0), "eps"),
        (lambda: running_stats([]), "at least one batch"),
        (lambda: running_stats([np.ones((1, 2))]), "at least 2 values"),
    ],
    ids=["1-D", "nan", "gamma-shape", "eps<0", "no-batches", "unbiased-one-value"],
)
def test_bad_input_is_rejected(call, message):
    with pytest.raises(BadInputError, match=message):
        call()


def test_torch_oracles_agree_with_the_numpy_reference():
    pytest.importorskip("torch")
    rng = np.random.default_rng(9)
    for claim_id in ("batchnorm.per_feature_minibatch", "batchnorm.scale_shift", "batchnorm.inference_running_stats"):
        result = CLAIMS[claim_id].oracle(200, rng)
        assert result.passed, (claim_id, result)
    assert "Expected more than 1 value" in CLAIMS["batchnorm.single_sample_no_statistics"].oracle(1, rng).detail
