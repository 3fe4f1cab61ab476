"""A report's own names for bound variables (a sum's index and limit, a function's argument) read as the homework's."""

from __future__ import annotations

import pytest

from convproof.derivations.claims.homework import quantity
from convproof.derivations.claims.renaming import rename_like
from convproof.derivations.errors import BadInputError, ConvproofError
from convproof.verify.runner import run_claim

MSE = r"\text{MSE} = \frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2"


def _status(qid: str, text: str) -> str:
    return run_claim(quantity(qid).build(text), samples=200, seed=0, oracle=False).status


def test_index_and_limit_renamed_one_for_one():
    text, made = rename_like(r"\frac{1}{m} \sum_{k=1}^{m} (y_k - \hat{y}_k)^2", MSE)
    assert made == (("k", "i"), ("m", "n"))
    assert text == r"\frac{1}{n} \sum_{i=1}^{n} (y_i - \hat{y}_i)^2"


def test_no_renaming_that_would_merge_two_names():
    # a sum over j beside an i of its own: j is not renamed (it would become the other i)
    text = r"\frac{1}{n} \sum_{j=1}^{n} (y_i - \hat{y}_j)^2"
    assert rename_like(text, MSE) == (text, ())
    with pytest.raises(ConvproofError, match="undeclared symbols"):
        quantity("metrics.mse").build(r"\text{MSE} = " + text)


def test_an_argument_beside_the_homeworks_own_name_is_refused():
    with pytest.raises(BadInputError, match="names the argument z, but the formula also uses x"):
        quantity("activations.relu").build(r"\mathrm{ReLU}(z) = \max(0, x)")


@pytest.mark.parametrize(
    ("qid", "text", "status", "renamed"),
    [
        (
            "metrics.mse",
            r"\mathrm{MSE} = \frac{1}{N}\sum_{j=1}^{N} (y_j - \hat{y}_j)^2",
            "verified",
            (("j", "i"), ("N", "n")),
        ),
        (
            "metrics.mse",
            r"\mathrm{MSE} = \frac{1}{N}\sum_{j=1}^{N} |y_j - \hat{y}_j|",
            "refuted",
            (("j", "i"), ("N", "n")),
        ),
        (
            "metrics.rmse",
            r"RMSE = \sqrt{\frac{1}{m}\sum_{k=1}^{m} (\hat{y}_k - y_k)^2}",
            "verified",
            (("k", "i"), ("m", "n")),
        ),
        ("activations.relu", r"\operatorname{ReLU}(z) = \max(z, 0)", "verified", (("z", "x"),)),
        (
            "activations.elu",
            r"ELU(t) = \begin{cases} t & t > 0 \\ \alpha (e^t - 1) & t \le 0 \end{cases}",
            "verified",
            (("t", "x"),),
        ),
        ("activations.relu", r"\mathrm{ReLU}(x) = \max(0, x)", "verified", ()),
    ],
)
def test_renamed_formulas_are_judged_as_written(qid, text, status, renamed):
    claim = quantity(qid).build(text)
    assert claim.source == text and claim.renamed == renamed
    assert _status(qid, text) == status


def test_an_upright_name_before_its_subscript_is_the_name():
    assert _status("dilated.rf_recurrence", r"\mathrm{RF}_{i} = \mathrm{RF}_{i-1} + d\left(k - 1\right)") == "verified"
    assert _status("dilated.rf_recurrence", r"\mathrm{RF}_{i} = \mathrm{RF}_{i-1} + d k") == "refuted"


def test_a_marked_formula_names_the_quantity_whatever_its_left_side():
    with pytest.raises(ConvproofError):
        quantity("dilated.rf_closed_form").build(r"r(i) = 1 + i d (k-1)")
    claim = quantity("dilated.rf_closed_form").build(r"r(i) = 1 + i d (k-1)", named=True)
    assert run_claim(claim, samples=200, seed=0, oracle=False).status == "verified"
