"""Q1(a): the metric helpers, the report's metric claims, and planted variants that must be judged the same way."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, example, given
from hypothesis import strategies as st

from convproof.derivations.checks.sums import unroll
from convproof.derivations.claims import metrics as metrics_claims
from convproof.derivations.claims.metrics import hooks as metrics_checks
from convproof.derivations.claims.metrics import iqr as metrics_iqr
from convproof.derivations.claims.metrics.sums import PRED, TRUE, i, n
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib import metrics
from convproof.derivations.lib.metrics import NORMALIZERS, mse, nrmse, rmse, rrmse
from convproof.verify import run_claim

CLAIMS = {c.id: c for c in metrics_claims.claims()}

# What the checks computed with seed 7 (any seed gives the same: each failure below holds for every n >= 2).
COMPUTED = {
    "metrics.mse": "verified",
    "metrics.rmse": "verified",
    **{f"metrics.nrmse_{name}": "verified" for name in NORMALIZERS},
    "metrics.nrmse_scales": "verified",
    "metrics.iqr": "verified",
    "metrics.rrmse": "refuted",
    "metrics.rrmse_relative_to_mean": "refuted",
    "metrics.rrmse_percentage": "verified",
    "metrics.rrmse_band_excellent": "refuted",
    "metrics.rrmse_band_good": "refuted",
    "metrics.rrmse_band_fair": "refuted",
    "metrics.rrmse_band_poor": "verified",
    "metrics.rrmse_sales_example": "refuted",
    "metrics.rrmse_two_products": "refuted",
}


def test_every_claim_is_listed_here():
    assert set(CLAIMS) == set(COMPUTED)


@pytest.mark.parametrize("claim_id", list(COMPUTED))
def test_claim_gets_its_verdict_from_its_checks(claim_id):
    verdict = run_claim(CLAIMS[claim_id], samples=300, seed=7)
    assert verdict.status == COMPUTED[claim_id], verdict
    if verdict.status == "refuted":
        assert verdict.counterexample is not None
    assert any(e.passed is not None for e in verdict.evidence)


def test_report_formulas_are_parsed_not_typed():
    error_sum = sp.Sum((TRUE[i] - PRED[i]) ** 2, (i, 1, n))
    assert CLAIMS["metrics.mse"].claimed[0][1] == error_sum / n
    assert CLAIMS["metrics.rmse"].claimed[0][1] == sp.sqrt(error_sum / n)
    written = CLAIMS["metrics.rrmse"].claimed[0][1]
    assert written == sp.sqrt(error_sum / n / sp.Sum(PRED[i] ** 2, (i, 1, n)))


def test_report_rrmse_is_the_dimensionless_ratio_shrunk_by_root_n():
    written = CLAIMS["metrics.rrmse"].claimed[0][1]
    ratio = sp.sqrt(sp.Sum((TRUE[i] - PRED[i]) ** 2, (i, 1, n)) / sp.Sum(PRED[i] ** 2, (i, 1, n)))
    assert sp.simplify(written / ratio) == 1 / sp.sqrt(n)


def test_rrmse_is_refuted_symbolically_with_exact_data():
    verdict = run_claim("metrics.rrmse", samples=300, seed=3)
    symbolic = next(e for e in verdict.evidence if e.tier == "symbolic")
    assert symbolic.passed is False
    assert "n = 2" in symbolic.detail  # n = 1 agrees: one sample, |y - yhat| / yhat either way
    assert verdict.counterexample.instance["n"] == 2
    assert verdict.correction.endswith(sp.latex(CLAIMS["metrics.rrmse"].reference))


def test_sales_example_counterexample_is_a_year_of_months_far_below_ten_percent():
    verdict = run_claim("metrics.rrmse_sales_example", samples=300, seed=7)
    example = verdict.counterexample
    assert example.instance["n"] == 12
    y, y_hat = np.array(example.instance["y"]), np.array(example.instance["hat_y"])
    assert np.mean(y) == pytest.approx(10_000) and np.mean(y_hat) == pytest.approx(10_000)
    assert rmse(y, y_hat) == pytest.approx(1_000)
    assert example.reference == pytest.approx(0.1)
    assert example.claimed <= 0.1 / math.sqrt(12) + 1e-12  # Cauchy-Schwarz: at most 10 % / sqrt(n)


# --- planted formulas: judged by the same checks as the report's

WRONG = {
    "mse": [
        r"\frac{1}{n-1} \sum_{i=1}^n (y_i - \hat{y}_i)^2",
        r"\sum_{i=1}^n (y_i - \hat{y}_i)^2",
        r"\frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)",
        r"\frac{1}{n} \sum_{i=1}^n (y_i^2 - \hat{y}_i^2)",
    ],
    "rmse": [
        r"\frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2",
        r"\frac{1}{n} \sqrt{\sum_{i=1}^n (y_i - \hat{y}_i)^2}",
        r"\sqrt{\frac{1}{n-1} \sum_{i=1}^n (y_i - \hat{y}_i)^2}",
    ],
    "rrmse": [
        r"\sqrt{\frac{\sum_{i=1}^n (y_i - \hat{y}_i)^2}{\sum_{i=1}^n (\hat{y}_i)^2}}",
        r"\frac{\frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2}{\frac{1}{n} \sum_{i=1}^n \hat{y}_i}",
    ],
}
RIGHT = {
    "mse": [r"\frac{1}{n} \sum_{i=1}^n (\hat{y}_i - y_i)^2"],
    "rmse": [r"\sqrt{\frac{\sum_{i=1}^n (\hat{y}_i - y_i)^2}{n}}"],
    "rrmse": [r"\frac{\sqrt{\frac{1}{n} \sum_{i=1}^n (y_i - \hat{y}_i)^2}}{\frac{1}{n} \sum_{i=1}^n \hat{y}_i}"],
}


@pytest.mark.parametrize(("kind", "latex"), [(k, t) for k, ts in WRONG.items() for t in ts], ids=str)
def test_wrong_formulas_are_refuted(kind, latex):
    verdict = run_claim(metrics_claims.formula_claim(kind, latex, claim_id="metrics.mutant"), samples=300, seed=11)
    assert verdict.status == "refuted"
    assert {e.tier for e in verdict.evidence if e.passed is False} >= {"symbolic", "sampled", "brute-force"}
    assert verdict.correction.endswith(sp.latex(CLAIMS[f"metrics.{kind}"].reference))


@pytest.mark.parametrize(("kind", "latex"), [(k, t) for k, ts in RIGHT.items() for t in ts], ids=str)
def test_right_formulas_written_otherwise_are_verified(kind, latex):
    verdict = run_claim(metrics_claims.formula_claim(kind, latex, claim_id="metrics.variant"), samples=300, seed=11)
    assert verdict.status == "verified", verdict
    assert next(e for e in verdict.evidence if e.tier == "symbolic").passed is True


# --- the prose checks can pass: with RMSE relative to the mean in place of the report's formula

BANDS = [c.source for cid, c in CLAIMS.items() if cid.startswith("metrics.rrmse_band_")]


@pytest.mark.parametrize("text", BANDS)
def test_band_rule_holds_for_an_error_relative_to_the_mean(text):
    result = metrics_checks.band_check(text, metric=metrics_checks.mean_relative)(600, np.random.default_rng(5))
    assert result.passed is True, result


@pytest.mark.parametrize(
    ("trial", "sizes"),
    [
        (metrics_checks.sales_example_trial, range(2, 25)),
        (metrics_checks.two_products_trial, range(1, 13)),
        (metrics_checks.repetition_trial, range(1, 13)),
    ],
    ids=["sales", "two products", "repetition"],
)
def test_meaning_checks_pass_for_an_error_relative_to_the_mean(trial, sizes):
    check = metrics_checks.batch_check("relative to the mean", sizes, trial(metrics_checks.mean_relative))
    assert check(600, np.random.default_rng(5)).passed is True
    report = metrics_checks.batch_check("report", sizes, trial(metrics.rrmse_rows))
    assert report(600, np.random.default_rng(5)).passed is False


def test_percent_band_reads_the_report_rules():
    assert [metrics_checks.percent_band(text) for text in BANDS] == [(0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, math.inf)]
    with pytest.raises(BadInputError, match="percentage band"):
        metrics_checks.percent_band("حدود ۱۰٪")


# --- the helpers

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def datasets(draw, min_size=1, max_size=30, elements=finite):
    size = draw(st.integers(min_size, max_size))
    return draw(st.lists(elements, min_size=size, max_size=size)), draw(
        st.lists(elements, min_size=size, max_size=size)
    )


@given(datasets())
def test_agrees_with_scikit_learn(data):
    sklearn = pytest.importorskip("sklearn.metrics")
    y, y_hat = data
    assert mse(y, y_hat) == pytest.approx(sklearn.mean_squared_error(y, y_hat), rel=1e-12, abs=1e-300)
    # scikit-learn squares errors below 1e-154 to 0; rmse rescales them first (see test_rmse_neither_...)
    assert rmse(y, y_hat) == pytest.approx(sklearn.root_mean_squared_error(y, y_hat), rel=1e-12, abs=1e-150)


@given(datasets())
@example(([0.0, 1.1125369292536007e-308], [0.0, 2.0]))
def test_non_negative_and_zero_exactly_for_a_perfect_prediction(data):
    y, y_hat = data
    assert mse(y, y_hat) >= 0 and rmse(y, y_hat) >= 0
    assert mse(y, y) == 0.0 and rmse(y, y) == 0.0
    for name in ("range", "std", "iqr"):
        if metrics.normaliser_rows(np.array(y), name) > 0:
            assert nrmse(y, y, name) == 0.0
            try:
                assert nrmse(y, y_hat, name) >= 0
            except BadInputError as exc:  # a subnormal normaliser: RMSE / normaliser beyond float64
                assert "overflows float64" in str(exc)
    if any(y_hat):
        assert rrmse(y, y_hat) >= 0 and rrmse(y_hat, y_hat) == 0.0


@given(datasets(min_size=2), st.randoms(use_true_random=False))
@example(([0.0, 1.1125369292536007e-308], [0.0, 2.0]), random.Random(0))  # found by the thorough profile
def test_permuting_the_samples_changes_nothing(data, random):
    y, y_hat = data
    order = list(range(len(y)))
    random.shuffle(order)
    shuffled = [y[k] for k in order], [y_hat[k] for k in order]
    assert rmse(*shuffled) == pytest.approx(rmse(y, y_hat), rel=1e-12, abs=1e-300)
    for name in NORMALIZERS:
        if metrics.normaliser_rows(np.array(y), name) != 0:
            try:
                want = nrmse(y, y_hat, name)
            except BadInputError:  # beyond float64 (a subnormal normaliser): so must the shuffled data be
                with pytest.raises(BadInputError, match="overflows float64"):
                    nrmse(*shuffled, name)
                continue
            assert nrmse(*shuffled, name) == pytest.approx(want, rel=1e-9)


positive = st.floats(1, 1e4, allow_nan=False)


@given(datasets(min_size=2, elements=positive), st.floats(1e-3, 1e3))
def test_rmse_scales_with_c_and_nrmse_does_not(data, c):
    y, y_hat = data
    scaled = [c * v for v in y], [c * v for v in y_hat]
    assert rmse(*scaled) == pytest.approx(c * rmse(y, y_hat), rel=1e-9)
    assert rrmse(*scaled) == pytest.approx(rrmse(y, y_hat), rel=1e-9)
    for name in NORMALIZERS:
        if metrics.normaliser_rows(np.array(y), name) > 1e-9 * max(y):
            assert nrmse(*scaled, name) == pytest.approx(nrmse(y, y_hat, name), rel=1e-9)


@given(datasets(min_size=1, elements=positive), st.integers(2, 6))
def test_repeating_the_dataset(data, times):
    y, y_hat = data
    repeated = y * times, y_hat * times
    assert mse(*repeated) == pytest.approx(mse(y, y_hat), rel=1e-9, abs=1e-300)
    assert rmse(*repeated) == pytest.approx(rmse(y, y_hat), rel=1e-9, abs=1e-300)
    for name in ("mean", "max", "range", "std"):
        if metrics.normaliser_rows(np.array(y), name) > 1e-9 * max(y):
            assert nrmse(*repeated, name) == pytest.approx(nrmse(y, y_hat, name), rel=1e-9)
    # the report's RRMSE: 1/n inside over an un-normalised sum of squares
    assert rrmse(*repeated) == pytest.approx(rrmse(y, y_hat) / math.sqrt(times), rel=1e-9, abs=1e-300)


def test_repeating_the_dataset_moves_its_linear_quartiles():
    # NumPy's linear percentiles interpolate between order statistics, whose positions shift when repeated
    assert metrics.normaliser_rows(np.array([0.0, 1.0]), "iqr") == 0.5
    assert metrics.normaliser_rows(np.array([0.0, 1.0] * 2), "iqr") == 1.0
    assert nrmse([0, 1] * 2, [1, 1] * 2, "iqr") == nrmse([0, 1], [1, 1], "iqr") / 2


@given(st.lists(finite, min_size=2, max_size=40))
def test_quartile_is_numpys_linear_percentile(values):
    ordered = [sp.Float(v, 30) for v in sorted(values)]
    for fraction in (sp.Rational(1, 4), sp.Rational(3, 4)):
        assert float(metrics_iqr.quartile(ordered, fraction)) == pytest.approx(
            np.percentile(values, float(fraction) * 100), rel=1e-9, abs=1e-6
        )


def test_rmse_neither_overflows_nor_underflows():
    assert rmse([1e200, -1e200], [-1e200, 1e200]) == pytest.approx(2e200)
    assert rmse([1e-200], [0.0]) == pytest.approx(1e-200)
    assert rrmse([0.0, 0.0], [1e-200, 3e-200]) == pytest.approx(math.sqrt(10 / 2) / math.sqrt(10))
    assert rrmse([0.0, 0.0], [1e200, 3e200]) == pytest.approx(math.sqrt(1 / 2))


def test_nrmse_of_each_normaliser():
    y, y_hat = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0], [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 11.0]
    error = rmse(y, y_hat)  # = 2 / sqrt(8)
    expected = {"mean": 5.0, "max": 9.0, "range": 7.0, "std": 2.0, "iqr": 1.5}
    for name, scale in expected.items():
        assert nrmse(y, y_hat, name) == pytest.approx(error / scale)
    assert nrmse(y, y_hat) == nrmse(y, y_hat, "mean")


BAD = [
    ("empty", lambda: mse([], []), "empty"),
    ("length mismatch", lambda: rmse([1, 2], [1, 2, 3]), "same length"),
    ("nan", lambda: mse([1, math.nan], [1, 2]), "NaN or infinity"),
    ("infinity", lambda: rrmse([1, 2], [1, math.inf]), "NaN or infinity"),
    ("not numbers", lambda: rmse(["a", "b"], [1, 2]), "sequence of numbers"),
    ("two dimensions", lambda: mse([[1, 2]], [[1, 2]]), "one-dimensional"),
    ("unknown normaliser", lambda: nrmse([1, 2], [1, 2], "median"), "unknown normalizer 'median'"),
    ("normaliser not a name", lambda: nrmse([1, 2], [1, 2], ["mean"]), "unknown normalizer"),
    ("zero range", lambda: nrmse([3, 3, 3], [1, 2, 3], "range"), "'range' normaliser of y_true is 0"),
    ("zero iqr", lambda: nrmse([1, 1, 1, 1, 5], [1, 1, 1, 1, 4], "iqr"), "'iqr' normaliser of y_true is 0"),
    ("zero mean", lambda: nrmse([-1, 1], [0, 0], "mean"), "'mean' normaliser of y_true is 0"),
    ("zero predictions", lambda: rrmse([1, 2], [0, 0]), "every prediction"),
    ("unroll size", lambda: unroll(n, {n: 0}), "positive integer"),
    ("quartile fraction", lambda: metrics_iqr.quartile([1, 2], 2), "fraction in"),
    ("unknown metric", lambda: metrics_claims.formula_claim("mae"), "unknown metric 'mae'"),
]


@pytest.mark.parametrize(("call", "message"), [(c, m) for _, c, m in BAD], ids=[name for name, _, _ in BAD])
def test_bad_input_raises_our_error(call, message):
    with pytest.raises(BadInputError, match=message):
        call()


def test_public_api_is_exported_lazily():
    import convproof as derivations

    assert derivations.rrmse is rrmse and derivations.nrmse is nrmse
    assert derivations.mse is mse and derivations.rmse is rmse


@given(datasets(min_size=2, elements=positive))
def test_report_rrmse_is_at_most_the_mean_relative_error_over_root_n(data):
    y, y_hat = data
    assume(rmse(y, y_hat) > 0)
    bound = metrics_checks.mean_relative(np.array(y), np.array(y_hat)) / math.sqrt(len(y))
    assert rrmse(y, y_hat) <= bound * (1 + 1e-12)
