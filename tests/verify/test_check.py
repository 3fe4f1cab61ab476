"""convproof.verify.check: formulas people write, judged by the same tiers as the report's claims."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from convproof.derivations.claims import registry
from convproof.derivations.errors import BadInputError, LatexParseError, UnknownClaimError, UnknownSymbolError
from convproof.verify import run_claim
from convproof.verify.check import check_latex, claim_names, compare_latex

KD = "k, d: positive integer"
NKD = "N, k, d: positive integer"


@pytest.mark.parametrize(
    ("latex", "other", "assume"),
    [
        (r"k + (k - 1)(d - 1)", r"1 + d(k - 1)", KD),
        (r"N - kd + d", r"N - d(k - 1)", NKD),
        (r"\frac{N - (1 + d(k - 1)) + 2(0)}{1} + 1", r"N - d(k - 1)", NKD),
        (r"\frac{e^x}{1 + e^x}", r"\frac{1}{1 + e^{-x}}", None),
        (r"x\sigma(1.702x)", r"\frac{x}{1 + \exp(-1.702x)}", None),
        (r"\ln(1 + e^x)", r"\operatorname{softplus}(x)", None),
        (r"\max(0, x) + \min(0, x)", r"x", None),
        (r"\frac{x}{2}(1 + \operatorname{erf}(\frac{x}{\sqrt{2}}))", r"x\Phi(x)", None),
    ],
    ids=["rf1", "output-size", "output-size-fraction", "sigmoid", "sigma", "softplus", "max-min", "gelu"],
)
def test_equivalent_rewritings_hold(latex, other, assume):
    verdict = compare_latex(latex, other, assume=assume, samples=300, seed=2)
    assert verdict.status == "verified", verdict
    assert verdict.counterexample is None


@pytest.mark.parametrize(
    ("latex", "other", "assume"),
    [
        (r"k + (k - 1)(d - 1) + 1", r"1 + d(k - 1)", KD),
        (r"N - kd + d - 1", r"N - d(k - 1)", NKD),
        (r"k + (k - 1)d", r"1 + d(k - 1)", KD),
        (r"N - k + d", r"N - d(k - 1)", NKD),
        (r"0.5x(1 + \operatorname{erf}(x))", r"x\Phi(x)", None),
        (r"x\sigma(1.702x)", r"\frac{x}{1 + e^{-1.72x}}", None),
        (r"\max(0, x) - \min(0, x)", r"x", None),
    ],
    ids=[
        "off-by-one",
        "off-by-one-below",
        "missing-factor",
        "missing-factor-d",
        "wrong-constant",
        "rounded-constant",
        "sign",
    ],
)
def test_near_misses_are_refuted_with_a_counterexample(latex, other, assume):
    verdict = compare_latex(latex, other, assume=assume, samples=300, seed=2)
    assert verdict.status == "refuted"
    ce = verdict.counterexample
    assert ce.claimed != ce.reference


def test_counterexample_respects_the_assumptions():
    verdict = compare_latex(r"k d", r"k + d - 1", assume="k, d: integer in [2, 5]", samples=200, seed=1)
    values = verdict.counterexample.instance
    assert all(isinstance(v, int) and 2 <= v <= 5 for v in values.values())
    assert values["k"] * values["d"] != values["k"] + values["d"] - 1


def test_without_assumptions_names_are_reals():
    verdict = compare_latex(r"2(k - 1)", r"2k - 2", samples=100, seed=1)
    assert verdict.status == "verified"
    assert any("k: reals in [-5, 5]" in note for note in verdict.notes)


def test_chain_checks_every_side():
    verdict = compare_latex(r"N - kd + d = N - d(k - 1) + 1", r"N - d(k - 1)", assume=NKD, samples=200, seed=1)
    assert verdict.status == "refuted"
    assert verdict.counterexample.part == "side 2"


@given(st.integers(-6, 6), st.integers(-6, 6), st.integers(1, 6))
@settings(max_examples=10)  # each example runs two full checks
def test_expanded_polynomial_equals_its_factored_form(a, b, c):
    k = sp.Symbol("k")
    factored, expanded = sp.latex(c * (k + a) * (k - b), mode="plain"), sp.latex(sp.expand(c * (k + a) * (k - b)))
    assert compare_latex(factored, expanded, assume="k: integer", samples=100, seed=0).status == "verified"
    assert compare_latex(factored, expanded + " + 1", assume="k: integer", samples=100, seed=0).status == "refuted"


CLAIMS_WITH_PLAIN_SOURCES = ["dilated.rf_closed_form", "dilated.effective_kernel", "dilated.output_size"]


@pytest.mark.parametrize("claim_id", CLAIMS_WITH_PLAIN_SOURCES)
def test_checking_a_claims_own_source_agrees_with_its_verdict(claim_id):
    claim = registry.get(claim_id)
    assert (
        check_latex(claim.source, claim_id, samples=200, seed=3).status
        == run_claim(claim_id, samples=200, seed=3).status
    )


def test_check_against_a_claim_uses_its_domain_and_drops_its_name():
    verdict = check_latex(r"RF_{i} = 1 + (i + 1)d(k - 1)", "dilated.rf_closed_form", samples=200, seed=1)
    assert verdict.status == "refuted"
    assert set(verdict.counterexample.instance) == {"d", "i", "k"}
    assert verdict.correction.startswith("RF_i = ")
    assert check_latex(r"RF_i = d i k - d i + 1", "dilated.rf_closed_form", samples=200).status == "verified"


def test_an_unreadable_first_side_is_read_as_the_name():
    verdict = check_latex(r"g(x) = \max(x, 0)", "activations.relu", samples=200, seed=1)
    assert verdict.status == "verified"
    assert any("g(x) as the name" in note for note in verdict.notes)


def test_a_shape_is_checked_against_a_shape_claim():
    good = check_latex(r"m \times (N - dk + d) \times (N - d(k - 1))", "dilated.output_shape", samples=100)
    bad = check_latex(r"m \times (N - dk) \times (N - d(k - 1))", "dilated.output_shape", samples=100)
    assert (good.status, bad.status) == ("verified", "refuted")


def test_hooks_of_the_report_claim_do_not_judge_the_users_formula():
    claim = registry.get("dilated.rf_closed_form")
    verdict = check_latex(r"1 + id(k - 1)", claim, samples=100)
    methods = {e.method for e in verdict.evidence}
    assert not any(m.startswith("reference agrees with") for m in methods)
    assert verdict.source == r"1 + id(k - 1)"


def test_claim_names_cover_domain_and_reference():
    names = claim_names(registry.get("dilated.output_size"))
    assert sorted(names) == ["N", "d", "k"]
    assert names["k"].is_integer


@pytest.mark.parametrize(
    ("call", "error", "needle"),
    [
        (lambda: check_latex("1 + q", "dilated.rf_closed_form"), UnknownSymbolError, "undeclared symbols q"),
        (
            lambda: check_latex("1 + k", "dilated.rf_closed_from"),
            UnknownClaimError,
            "did you mean dilated.rf_closed_form",
        ),
        (lambda: check_latex(r"1 + \frac{k", "dilated.rf_closed_form"), LatexParseError, "at column"),
        (lambda: check_latex("1", "dilated.prose_memory"), BadInputError, "qualitative"),
        (lambda: check_latex(3, "dilated.rf_closed_form"), BadInputError, "LaTeX text"),
        (lambda: compare_latex("k + d", "k", assume="k: integer"), UnknownSymbolError, "undeclared symbols d"),
        (lambda: compare_latex("k", 3), BadInputError, "LaTeX text"),
        (lambda: compare_latex("k = 1", "k = 1"), LatexParseError, "expected one expression"),
    ],
    ids=[
        "unknown-symbol",
        "unknown-claim",
        "unbalanced",
        "prose-claim",
        "not-text",
        "undeclared",
        "other-not-text",
        "chain",
    ],
)
def test_bad_input_raises_our_errors(call, error, needle):
    with pytest.raises(error, match=needle):
        call()


@pytest.mark.parametrize(
    ("latex", "claim_id", "holds"),
    [
        (r"\frac{1}{n}\sum_{i=1}^n (\hat{y}_i - y_i)^2", "metrics.mse", True),
        (r"\frac{1}{n - 1}\sum_{i=1}^n (y_i - \hat{y}_i)^2", "metrics.mse", False),
        (r"\frac{1}{n}\sum_{i=1}^n (y_i)^2", "metrics.mse", False),
        (r"\sum_{j=1}^{m} \alpha_j u_{i+j-1}", "conv_grads.dL_dki_general", True),
        (r"\sum_{j=1}^{m} \alpha_j u_{i+j}", "conv_grads.dL_dki_general", False),
    ],
    ids=["mse-reordered", "mse-n-1", "mse-no-prediction", "dk-general", "dk-shifted"],
)
def test_general_size_formulas_are_judged(latex, claim_id, holds):
    verdict = check_latex(latex, claim_id, samples=200, seed=5)
    assert verdict.status == ("verified" if holds else "refuted")


def test_an_undecided_general_form_is_judged_unrolled_with_a_counterexample():
    verdict = check_latex(r"\frac{1}{n - 1}\sum_{i=1}^n (y_i - \hat{y}_i)^2", "metrics.mse", samples=200, seed=5)
    assert any("unrolled at n = 1, 2, 3, 4" in note for note in verdict.notes)
    assert set(verdict.counterexample.instance) >= {"y_1", "\\hat{y}_1"}
