"""Quantities another report states as formulas the vendored report states in words: NRMSE by each
normaliser, dropout's output while training."""

from __future__ import annotations

import pytest

from convproof.derivations.claims.homework import quantity
from convproof.derivations.claims.metrics.nrmse import NORMALISER, RMSE, RMSE_NAME, SHOWN
from convproof.verify.runner import run_claim


@pytest.mark.parametrize("normaliser", ["mean", "max", "range", "std", "iqr"])
def test_nrmse_formulas_by_normaliser(normaliser):
    right = quantity(f"metrics.nrmse_{normaliser}").build(
        rf"\text{{NRMSE}} = \frac{{\text{{RMSE}}}}{{{SHOWN[normaliser]}}}"
    )
    assert run_claim(right, samples=200, seed=0, oracle=False).status == "verified"
    assert right.readable.subs(RMSE_NAME, RMSE) == right.reference  # the correction shows the RMSE by name
    squared = rf"\text{{NRMSE}} = \frac{{\text{{RMSE}}}}{{({SHOWN[normaliser]})^2}}"
    wrong = quantity(f"metrics.nrmse_{normaliser}").build(squared)
    assert run_claim(wrong, samples=200, seed=0, oracle=False).status == "refuted"
    assert NORMALISER[normaliser].free_symbols <= right.claimed[0][1].free_symbols


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (r"y = \frac{m \odot x}{1 - p}", "verified"),
        (r"\tilde{x}_i = \frac{r_i x_i}{1 - p}", "verified"),
        (r"y = \frac{x}{1 - p}", "verified"),  # the kept unit
        (r"y = m x", "conditional"),  # the original paper's training output
        (r"y = m x (1 - p)", "refuted"),
        (r"y = \frac{m x}{p}", "refuted"),
    ],
)
def test_dropout_scaling_formulas(text, status):
    claim = quantity("dropout.inverted_scaling_expectation").build(text)
    assert claim.source == text and not claim.extension
    assert run_claim(claim, samples=200, seed=0, oracle=False).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (r"\hat{x}_i = \frac{x_i - \mu_B}{\sigma_B}", "verified"),
        (r"\hat{x} = \frac{x - \mu}{\sqrt{\sigma^2}}", "verified"),
        (r"\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}", "conditional"),  # epsilon = 0
        (r"\hat{x}_i = \frac{x_i - \mu_B}{\sigma_B^2}", "refuted"),
    ],
)
def test_batch_norm_in_the_papers_names(text, status):
    verdict = run_claim(quantity("batchnorm.standardise").build(text), samples=200, seed=0, oracle=False)
    assert verdict.status == status
    assert (verdict.convention is not None) == (status == "conditional")


@pytest.mark.parametrize(("cell", "status"), [("1,450", "verified"), ("1450", "verified"), ("1,440", "refuted")])
def test_a_parameter_cell_with_thousands_separators(cell, status):
    claim = quantity("cnn_table.fc.params").build(cell)
    assert claim.source == cell
    assert run_claim(claim, samples=50, seed=0, oracle=False).status == status
