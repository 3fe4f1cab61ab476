"""Regression metrics (MSE, RMSE, NRMSE, RRMSE) as tested NumPy helpers.

The public helpers take two array-likes of the same length (the true values
``y_true`` and the predictions ``y_pred``) and return a float; bad input
raises :class:`~convproof.derivations.errors.BadInputError`. Conventions: the standard
deviation has ``ddof=0``, percentiles are NumPy's default (linear). ``rrmse``
is the report's formula exactly as written, the one the claims judge.

The ``*_rows`` versions do the same along the last axis of a batch of
datasets, without input checks; the claims' checks use them.

>>> mse([1, 2, 3], [1, 2, 5]), rmse([3, 4], [0, 0])
(1.3333333333333333, 3.5355339059327378)
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ..errors import BadInputError

__all__ = [
    "NORMALIZERS",
    "mse",
    "mse_rows",
    "normaliser_rows",
    "nrmse",
    "rmse",
    "rmse_rows",
    "rrmse",
    "rrmse_rows",
]


def mse_rows(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """Mean squared error along the last axis.

    >>> mse_rows(np.array([[0.0, 2.0], [1.0, 1.0]]), np.zeros((2, 2)))
    array([2., 1.])
    """
    error = np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float)
    return np.mean(error**2, axis=-1)


def rmse_rows(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """Root mean squared error along the last axis.

    Where squaring would overflow (errors near 1e200) or underflow (near
    1e-200), the errors are first divided by the largest of them.

    >>> rmse_rows(np.array([[3.0, 4.0], [1e200, 1e200]]), np.zeros((2, 2)))
    array([3.53553391e+000, 1.00000000e+200])
    """
    error = np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float)
    scale = np.max(np.abs(error), axis=-1, keepdims=True)
    with np.errstate(over="ignore", under="ignore"):
        plain = np.sqrt(np.mean(error**2, axis=-1))
        safe = np.where(scale > 0, scale, 1.0)
        scaled = scale[..., 0] * np.sqrt(np.mean((error / safe) ** 2, axis=-1))
    risky = (scale[..., 0] > 1e150) | ((scale[..., 0] > 0) & (scale[..., 0] < 1e-150))
    return np.where(risky, scaled, plain)


def _iqr(values: np.ndarray) -> np.ndarray:
    q3, q1 = np.percentile(values, [75, 25], axis=-1)
    return q3 - q1


# What the report divides RMSE by (its list in Q1(a)), each computed from the true values.
_NORMALISERS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "mean": lambda v: np.mean(v, axis=-1),
    "max": lambda v: np.max(v, axis=-1),
    "range": lambda v: np.max(v, axis=-1) - np.min(v, axis=-1),
    "std": lambda v: np.std(v, axis=-1),
    "iqr": _iqr,
}
NORMALIZERS: tuple[str, ...] = tuple(_NORMALISERS)


def normaliser_rows(y_true: np.ndarray, normalizer: str) -> np.ndarray:
    """The value RMSE is divided by, along the last axis (``std`` with ddof=0, linear percentiles).

    >>> normaliser_rows(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), "iqr")
    np.float64(2.0)
    """
    if not isinstance(normalizer, str) or normalizer not in _NORMALISERS:
        raise BadInputError(f"unknown normalizer {normalizer!r}; choose one of {', '.join(NORMALIZERS)}")
    return _NORMALISERS[normalizer](np.asarray(y_true, dtype=float))


def rrmse_rows(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """The report's RRMSE along the last axis: sqrt((1/n) sum (y - yhat)^2 / sum yhat^2).

    >>> rrmse_rows(np.array([[9.0, 11.0]]), np.array([[10.0, 10.0]]))
    array([0.07071068])
    """
    y_pred = np.asarray(y_pred, dtype=float)
    # sqrt(sum yhat^2) as m sqrt(sum (yhat/m)^2), m = max |yhat|: tiny or huge predictions neither underflow nor overflow
    largest = np.max(np.abs(y_pred), axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        norm = largest[..., 0] * np.sqrt(np.sum((y_pred / largest) ** 2, axis=-1))
        return rmse_rows(y_true, y_pred) / norm


def _real_array(name: str, value) -> np.ndarray:
    """``value`` as a float array; complex numbers, text and integers beyond float64 are refused."""
    try:
        raw = np.asarray(value)
        if np.iscomplexobj(raw):
            raise BadInputError(f"{name} holds complex numbers; pass real numbers (e.g. the absolute values)")
        return np.asarray(raw, dtype=float)
    except OverflowError:
        raise BadInputError(f"{name} holds a number too large for float64 (above 1.8e308); rescale it") from None
    except (TypeError, ValueError) as exc:
        if isinstance(exc, BadInputError):
            raise
        raise BadInputError(f"{name} must be a sequence of numbers, got {reprlib.repr(value)}") from None


def _pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Both inputs as 1-D float arrays of one length, finite, not empty."""
    arrays = []
    for name, value in (("y_true", y_true), ("y_pred", y_pred)):
        array = _real_array(name, value)
        if array.ndim != 1:
            raise BadInputError(f"{name} must be one-dimensional (one value per sample), got shape {array.shape}")
        if array.size == 0:
            raise BadInputError(f"{name} is empty: pass at least one value")
        if not np.all(np.isfinite(array)):
            raise BadInputError(
                f"{name} holds NaN or infinity at positions {np.flatnonzero(~np.isfinite(array))[:5].tolist()}"
            )
        arrays.append(array)
    if arrays[0].shape != arrays[1].shape:
        raise BadInputError(f"y_true and y_pred must have the same length, got {arrays[0].size} and {arrays[1].size}")
    return arrays[0], arrays[1]


def _finite(what: str, rows: Callable, *args) -> float:
    """``rows(*args)`` as a float; a value beyond float64 (finite inputs near 1e308) is an error, not inf or NaN."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        value = float(rows(*args))
    if not np.isfinite(value):
        raise BadInputError(
            f"{what} overflows float64 for these values of y_true and y_pred; rescale them (e.g. divide by 1e100)"
        )
    return value


def mse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Mean squared error, (1/n) sum (y_i - yhat_i)^2.

    >>> mse([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    return _finite("MSE", mse_rows, *_pair(y_true, y_pred))


def rmse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Root mean squared error, sqrt(MSE), in the units of y.

    >>> rmse([9, 11], [10, 10])
    1.0
    """
    return _finite("RMSE", rmse_rows, *_pair(y_true, y_pred))


def nrmse(y_true: ArrayLike, y_pred: ArrayLike, normalizer: str = "mean") -> float:
    """RMSE divided by a statistic of the true values: ``'mean'``, ``'max'``, ``'range'`` (max - min),
    ``'std'`` (ddof=0) or ``'iqr'`` (Q3 - Q1, NumPy's linear percentiles).

    ``'mean'`` and ``'max'`` can be negative for data that is not positive;
    the result then is negative too. A zero normaliser raises.

    >>> nrmse([1, 2, 3, 4, 5], [1, 2, 3, 4, 7], normalizer="range")
    0.22360679774997896
    """
    truth, pred = _pair(y_true, y_pred)
    scale = _finite(f"the {normalizer!r} normaliser", normaliser_rows, truth, normalizer)
    if scale == 0:
        raise BadInputError(
            f"the {normalizer!r} normaliser of y_true is 0, so NRMSE is undefined; "
            f"choose another normaliser ({', '.join(n for n in NORMALIZERS if n != normalizer)})"
        )
    return _finite("NRMSE", lambda t, p: rmse_rows(t, p) / scale, truth, pred)


def rrmse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """RRMSE exactly as the report writes it: sqrt( ((1/n) sum (y_i - yhat_i)^2) / sum yhat_i^2 ).

    This is not RMSE relative to the mean (see the claims of this topic): it
    equals sqrt(sum (y - yhat)^2 / sum yhat^2) / sqrt(n).

    >>> round(rrmse([11000, 9000] * 6, [10000] * 12), 5)
    0.02887
    """
    truth, pred = _pair(y_true, y_pred)
    if not np.any(pred):
        raise BadInputError("every prediction in y_pred is 0, so the report's RRMSE divides by 0")
    return _finite("RRMSE", rrmse_rows, truth, pred)
