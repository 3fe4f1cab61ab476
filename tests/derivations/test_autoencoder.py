"""Q1(e): the linear autoencoder against PCA, the anomaly flag, and the report's claims."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.claims import autoencoder
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib.autoencoder import (
    anomaly_flags,
    data_with_spectrum,
    fit_linear_autoencoder,
    principal_subspace,
    subspace_distance,
)
from convproof.verify import run_claim

CLAIMS = {c.id: c for c in autoencoder.claims()}


@pytest.mark.parametrize("claim_id", list(CLAIMS))
def test_autoencoder_claim_gets_a_verdict_from_its_checks(claim_id):
    claim = CLAIMS[claim_id]
    verdict = run_claim(claim, samples=300, seed=7)
    if claim.is_prose:
        assert verdict.status == "unverifiable"
    elif claim_id == "autoencoder.anomaly_threshold":
        # what the checks computed: a novel input inside the learned subspace is not flagged, inputs moved
        # off it are: the rule holds under that reading only
        novel, off_subspace = verdict.evidence
        assert novel.passed is False and off_subspace.passed is True and off_subspace.tier == "convention"
        assert verdict.status == "conditional" and "off the learned subspace" in verdict.convention
        ce = verdict.counterexample
        threshold = float(ce.claimed.rsplit(" ", 1)[1])
        assert ce.reference < threshold and "away from every training sample" in ce.part
    else:
        assert verdict.status == "verified", verdict


def _optimum_claim_with(statement_rhs) -> object:
    claim = CLAIMS["autoencoder.linear_pca_optimum"]
    eigen, k, d = sp.IndexedBase(r"\lambda"), *sp.symbols("k d", integer=True, positive=True)
    return replace(claim, checks=(("sampled", autoencoder.optimum_check(statement_rhs(eigen, k, d), eigen, k, d)),))


@pytest.mark.parametrize(
    "wrong",
    [
        lambda lam, k, d: sp.Sum(lam[sp.Symbol("i")], (sp.Symbol("i"), 1, k)),  # the kept eigenvalues
        lambda lam, k, d: sp.Sum(lam[sp.Symbol("i")], (sp.Symbol("i"), k, d)),  # off by one
        lambda lam, k, d: lam[d],  # only the smallest
    ],
    ids=["kept", "off-by-one", "smallest-only"],
)
def test_wrong_optimum_errors_are_refuted(wrong):
    assert run_claim(_optimum_claim_with(wrong), samples=300, seed=3).status == "refuted"


def test_the_statement_drives_the_optimum_check():
    right = _optimum_claim_with(lambda lam, k, d: sp.Sum(lam[sp.Symbol("i")], (sp.Symbol("i"), k + 1, d)))
    assert run_claim(right, samples=300, seed=3).status == "verified"


@given(st.integers(2, 6), st.integers(0, 2**16))
def test_trained_autoencoder_finds_the_principal_subspace(d, seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, d))
    spectrum = 10 * 0.5 ** np.arange(d)
    x = data_with_spectrum(rng, 40, spectrum, rng.uniform(-3, 3, d))
    model = fit_linear_autoencoder(x, k, rng)
    values, vectors = principal_subspace(x, k)
    assert subspace_distance(model.decoder, vectors) < 1e-6
    assert model.errors(x).mean() == pytest.approx(values[k:].sum(), rel=1e-9)


def test_data_with_spectrum_has_exactly_that_covariance():
    rng = np.random.default_rng(1)
    x = data_with_spectrum(rng, 30, [5.0, 2.0, 0.5], mean=[1.0, 2.0, 3.0])
    assert np.allclose(x.mean(axis=0), [1.0, 2.0, 3.0])
    assert np.allclose(principal_subspace(x, 1)[0], [5.0, 2.0, 0.5])


def test_bottleneck_hook_sees_errors_fall_as_the_code_grows():
    result = autoencoder.bottleneck_check(400, np.random.default_rng(0))
    assert result.passed, result


def test_anomaly_flags_threshold():
    assert anomaly_flags([0.5, 1.0, 1.5], 1.0).tolist() == [False, False, True]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: fit_linear_autoencoder(np.ones(5), 1, np.random.default_rng()), "2-D array"),
        (lambda: fit_linear_autoencoder(np.ones((5, 3)), 0, np.random.default_rng()), r"in \[1, 3\]"),
        (lambda: fit_linear_autoencoder(np.ones((5, 3)), 4, np.random.default_rng()), r"in \[1, 3\]"),
        (lambda: principal_subspace(np.array([[1.0, np.inf], [0.0, 0.0]]), 1), "NaN or infinity"),
        (lambda: data_with_spectrum(np.random.default_rng(), 3, [1.0, 1.0, 1.0]), "more samples"),
        (lambda: data_with_spectrum(np.random.default_rng(), 9, [1.0, -1.0]), ">= 0"),
        (lambda: anomaly_flags([1.0], float("nan")), "threshold"),
        (lambda: subspace_distance(np.ones((3, 1)), np.ones((3, 2))), "different shapes"),
    ],
    ids=["1-D", "k=0", "k>d", "inf", "too-few-samples", "negative-eigenvalue", "nan-threshold", "shapes"],
)
def test_bad_input_is_rejected(call, message):
    with pytest.raises(BadInputError, match=message):
        call()
