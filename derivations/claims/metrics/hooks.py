"""Q1(a) checks on batches of random datasets: what the report says the metrics mean.

Each check draws datasets of several sizes n, computes with the vectorised
helpers of :mod:`convproof.derivations.lib.metrics`, and returns an
:class:`~convproof.derivations.outcome.Outcome` with a counterexample when a
dataset breaks the statement. Sales-like data is
positive: predictions around a level drawn from 1 to 10^4, true values off by
a multiplicative error whose size is drawn from 0.5 % to 200 %.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ...errors import BadInputError
from ...lib.metrics import NORMALIZERS, normaliser_rows, rmse_rows, rrmse_rows
from ...outcome import Counterexample, Outcome
from .sums import MAX_N

__all__ = [
    "Trial",
    "agreement_trial",
    "band_check",
    "batch_check",
    "draw_reals",
    "draw_sales",
    "mean_relative",
    "percent_band",
    "repetition_trial",
    "sales_example_trial",
    "scale_contrast_trial",
    "scale_trial",
    "two_products_trial",
]

Check = Callable[[int, np.random.Generator], Outcome]
Metric = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass
class Trial:
    """One batch of datasets: whether each satisfies the statement, and what to show if not.

    ``relevant`` marks the datasets the statement speaks about (all by default).
    """

    ok: np.ndarray
    claimed: np.ndarray
    reference: np.ndarray
    values: dict[str, np.ndarray]
    relevant: np.ndarray | None = None


def draw_reals(rng: np.random.Generator, count: int, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Any real data: true values and predictions uniform in [-10, 10]."""
    return rng.uniform(-10, 10, (count, size)), rng.uniform(-10, 10, (count, size))


def draw_sales(rng: np.random.Generator, count: int, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Positive sales-like data (see the module docstring).

    >>> y, y_hat = draw_sales(np.random.default_rng(0), 3, 5)
    >>> y.shape, bool((y > 0).all() and (y_hat > 0).all())
    ((3, 5), True)
    """
    level = 10 ** rng.uniform(0, 4, (count, 1))
    pred = level * rng.uniform(0.5, 1.5, (count, size))
    spread = 10 ** rng.uniform(np.log10(0.005), np.log10(2), (count, 1))
    return pred * np.exp(spread * rng.standard_normal((count, size))), pred


def mean_relative(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """RMSE relative to the mean of the predictions, as the report's text describes RRMSE.

    >>> float(mean_relative(np.array([11000.0, 9000.0]), np.array([10000.0, 10000.0])))
    0.1
    """
    return rmse_rows(y_true, y_pred) / np.mean(y_pred, axis=-1)


def _row(values: dict[str, np.ndarray], row: int) -> dict:
    return {name: np.asarray(v)[row].tolist() for name, v in values.items()}


def batch_check(method: str, sizes: range, trial: Callable[..., Trial], *, prefer: int | None = None) -> Check:
    """A check hook running ``trial(rng, datasets, n)`` for every n in ``sizes``.

    The counterexample is a failing dataset whose size is closest to
    ``prefer`` (the smallest size by default).

    >>> check = batch_check("repeated", range(1, 5), repetition_trial(rrmse_rows))
    >>> result = check(40, np.random.default_rng(0))
    >>> result.passed, result.counterexample.instance["n"]
    (False, 1)
    """

    def check(size: int, rng: np.random.Generator) -> Outcome:
        batch = max(1, -(-size // len(sizes)))
        failures: list[tuple[int, Counterexample]] = []
        done = spoken = 0
        for count in sizes:
            result = trial(rng, batch, count)
            relevant = np.ones(batch, bool) if result.relevant is None else result.relevant
            bad = relevant & ~result.ok
            done, spoken = done + batch, spoken + int(relevant.sum())
            if bad.any():
                row = int(np.flatnonzero(bad)[0])
                claimed, reference = float(result.claimed[row]), float(result.reference[row])
                failures.append((count, Counterexample(_row(result.values, row), claimed, reference)))
        if not spoken:
            return Outcome(method, passed=None, samples=done, detail="no dataset the statement speaks about")
        if not failures:
            return Outcome(method, passed=True, samples=done, detail=f"holds on all {spoken} datasets it concerns")
        target = sizes[0] if prefer is None else prefer
        count, found = min(failures, key=lambda item: (abs(item[0] - target), item[0]))
        detail = f"fails for {len(failures)} of {len(sizes)} sizes, e.g. $n = {count}$"
        return Outcome(method, passed=False, samples=done, detail=detail, counterexample=found)

    return check


def scale_trial(metric: Callable[[np.ndarray, np.ndarray], np.ndarray], draw=draw_sales) -> Callable[..., Trial]:
    """``metric(c y, c yhat) == metric(y, yhat)`` for a change of units c from 10^-3 to 10^3.

    >>> batch_check("units", range(2, 5), scale_trial(rrmse_rows))(30, np.random.default_rng(0)).passed
    True
    """

    def trial(rng: np.random.Generator, count: int, size: int) -> Trial:
        y_true, y_pred = draw(rng, count, size)
        c = 10 ** rng.uniform(-3, 3, (count, 1))
        scaled, plain = metric(c * y_true, c * y_pred), metric(y_true, y_pred)
        values = {"n": np.full(count, size), "c": c[:, 0], "y": y_true, "hat_y": y_pred}
        return Trial(np.isclose(scaled, plain, rtol=1e-9, atol=0), scaled, plain, values)

    return trial


def scale_contrast_trial(rng: np.random.Generator, count: int, size: int) -> Trial:
    """RMSE follows a change of units c (so it cannot compare goods priced apart); every NRMSE stays.

    >>> bool(scale_contrast_trial(np.random.default_rng(0), 4, 6).ok.all())
    True
    """
    y_true, y_pred = draw_sales(rng, count, size)
    c = 10 ** rng.uniform(-3, 3, (count, 1))
    ok = np.isclose(rmse_rows(c * y_true, c * y_pred), c[:, 0] * rmse_rows(y_true, y_pred), rtol=1e-9, atol=0)
    worst = np.zeros(count)
    for name in NORMALIZERS:
        before = rmse_rows(y_true, y_pred) / normaliser_rows(y_true, name)
        after = rmse_rows(c * y_true, c * y_pred) / normaliser_rows(c * y_true, name)
        ok &= np.isclose(after, before, rtol=1e-9, atol=0)
        worst = np.maximum(worst, np.abs(after / before - 1))
    values = {"n": np.full(count, size), "c": c[:, 0], "y": y_true, "hat_y": y_pred}
    return Trial(ok, worst, np.zeros(count), values)


def agreement_trial(metric: Metric, target: Metric) -> Callable[..., Trial]:
    """``metric == target`` on sales-like data.

    >>> trial = agreement_trial(rrmse_rows, mean_relative)
    >>> batch_check("same?", range(1, 3), trial)(20, np.random.default_rng(0)).detail
    'fails for 1 of 2 sizes, e.g. $n = 2$'
    """

    def trial(rng: np.random.Generator, count: int, size: int) -> Trial:
        y_true, y_pred = draw_sales(rng, count, size)
        got, want = metric(y_true, y_pred), target(y_true, y_pred)
        values = {"n": np.full(count, size), "y": y_true, "hat_y": y_pred}
        return Trial(np.isclose(got, want, rtol=1e-9, atol=0), got, want, values)

    return trial


def repetition_trial(metric: Metric) -> Callable[..., Trial]:
    """``metric`` of the dataset repeated r = 2..4 times against its value on the dataset once.

    A mean, and so any error relative to a mean, is the same for the repeated data.
    """

    def trial(rng: np.random.Generator, count: int, size: int) -> Trial:
        y_true, y_pred = draw_sales(rng, count, size)
        times = int(rng.integers(2, 5))
        repeated, once = metric(np.tile(y_true, times), np.tile(y_pred, times)), metric(y_true, y_pred)
        values = {"n": np.full(count, size), "r": np.full(count, times), "y": y_true, "hat_y": y_pred}
        return Trial(np.isclose(repeated, once, rtol=1e-9, atol=0), repeated, once, values)

    return trial


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def percent_band(text: str) -> tuple[float, float]:
    """The band of a Persian rule such as ``بین ۱۰ و ۲۰٪ باشد`` as fractions (low, high).

    >>> percent_band("- کمتر از ۱۰٪ باشد"), percent_band("بین ۱۰ و ۲۰٪"), percent_band("بیش از ۳۰٪")
    ((0.0, 0.1), (0.1, 0.2), (0.3, inf))
    """
    numbers = [int(v) / 100 for v in re.findall(r"\d+", text.translate(_DIGITS))]
    if "کمتر از" in text and len(numbers) == 1:
        return 0.0, numbers[0]
    if "بیش از" in text and len(numbers) == 1:
        return numbers[0], float("inf")
    if "بین" in text and len(numbers) == 2:
        return numbers[0], numbers[1]
    raise BadInputError(f"cannot read a percentage band in {text!r}: expected 'کمتر از', 'بین ... و ...' or 'بیش از'")


def band_check(text: str, metric: Metric = rrmse_rows) -> Check:
    """Datasets ``metric`` (the report's RRMSE) puts in the band of ``text`` must have their mean-relative error in it.

    >>> band_check("بیش از ۳۰٪", mean_relative)(60, np.random.default_rng(0)).passed
    True
    """
    low, high = percent_band(text)

    def trial(rng: np.random.Generator, count: int, size: int) -> Trial:
        y_true, y_pred = draw_sales(rng, count, size)
        formula, meant = metric(y_true, y_pred), mean_relative(y_true, y_pred)
        values = {"n": np.full(count, size), "y": y_true, "hat_y": y_pred}
        inside = (low <= formula) & (formula < high)
        return Trial((low <= meant) & (meant < high), formula, meant, values, relevant=inside)

    if low == 0:
        band = f"below {high:.0%}"
    elif high == float("inf"):
        band = f"at least {low:.0%}"
    else:
        band = rf"in $[{low * 100:g}\%, {high * 100:g}\%)$"
    method = rf"datasets whose RRMSE is {band}: is $\text{{RMSE}} / \operatorname{{mean}}(\hat{{y}})$ there too?"
    return batch_check(method, range(1, MAX_N + 1), trial)


# The report's example: average monthly sales of ten thousand dollars, a thousand dollars of error.
MEAN_SALES, ERROR = 10_000.0, 1_000.0


def sales_example_trial(metric: Metric) -> Callable[..., Trial]:
    """n months with mean sales and mean prediction 10,000 and RMSE 1,000: is ``metric`` their ratio?

    >>> batch_check("sales", range(2, 4), sales_example_trial(mean_relative))(20, np.random.default_rng(0)).passed
    True
    """

    def trial(rng: np.random.Generator, count: int, size: int) -> Trial:
        noise = rng.standard_normal((count, size)) * rng.uniform(0, 0.3, (count, 1)) * MEAN_SALES
        y_pred = MEAN_SALES + noise - noise.mean(axis=1, keepdims=True)
        error = rng.standard_normal((count, size))
        error -= error.mean(axis=1, keepdims=True)
        y_true = y_pred + ERROR * error / np.sqrt(np.mean(error**2, axis=1, keepdims=True))
        said = rmse_rows(y_true, y_pred) / np.mean(y_true, axis=1)
        formula = metric(y_true, y_pred)
        values = {"n": np.full(count, size), "y": y_true, "hat_y": y_pred}
        return Trial(np.isclose(formula, said, rtol=1e-6, atol=0), formula, said, values)

    return trial


def two_products_trial(metric: Metric) -> Callable[..., Trial]:
    """Two products, with n and 1..MAX_N months of sales, and equal ``metric``: has the one that sells more the larger error?

    Sales are compared by their mean prediction, the mean the report says RRMSE is relative to.

    Product B's errors are rescaled so that its ``metric`` equals A's (the
    metric must grow in proportion to the errors, as RRMSE does); with an
    error relative to the mean, RMSE = RRMSE x mean would follow.

    >>> batch_check("two", range(1, 4), two_products_trial(mean_relative))(30, np.random.default_rng(0)).passed
    True
    """
    return functools.partial(_two_products, metric)


def _two_products(metric: Metric, rng: np.random.Generator, count: int, size: int) -> Trial:
    months_b = int(rng.integers(1, MAX_N + 1))
    true_a, pred_a = draw_sales(rng, count, size)
    true_b, pred_b = draw_sales(rng, count, months_b)
    true_b = pred_b + (true_b - pred_b) * (metric(true_a, pred_a) / metric(true_b, pred_b))[:, None]
    more_sales = np.mean(pred_a, axis=1) > np.mean(pred_b, axis=1)
    more_error = rmse_rows(true_a, pred_a) > rmse_rows(true_b, pred_b)
    values = {"n_a": np.full(count, size), "n_b": np.full(count, months_b)}
    values |= {"y_a": true_a, "hat_y_a": pred_a, "y_b": true_b, "hat_y_b": pred_b}
    ratio_error = rmse_rows(true_a, pred_a) / rmse_rows(true_b, pred_b)
    ratio_sales = np.mean(pred_a, axis=1) / np.mean(pred_b, axis=1)
    return Trial(more_sales == more_error, ratio_error, ratio_sales, values)
