"""Finite differences for gradient claims, vectorised and kink-aware.

Away from kinks a derivative must match the central difference. At (or
within a step of) a kink of a max or a ReLU the derivative is a choice of
subgradient, and all one can ask is that it lie between the one-sided
differences: :func:`bracket_mismatch` tests exactly that.

Functions take instances as rows of a 2-D array and return one value per row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from ..errors import BadInputError
from ..outcome import Counterexample

__all__ = ["bracket_mismatch", "central_difference", "close_mismatch", "failure_record", "one_sided_differences"]

Batch = Callable[[np.ndarray], np.ndarray]


def _shifted(x: np.ndarray, column: int, step: float) -> np.ndarray:
    moved = np.array(x, dtype=float, copy=True)
    moved[:, column] += step
    return moved


def _check(x, column: int, step: float) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim != 2 or not 0 <= column < x.shape[1]:
        raise BadInputError(
            f"need instances as rows of a 2-D array and a column inside it, got shape {x.shape}, column {column}"
        )
    if not step > 0:
        raise BadInputError(f"the step must be positive, got {step!r}")
    return x


def central_difference(f: Batch, x, column: int, step: float = 1e-5) -> np.ndarray:
    """(f(x + h e_c) - f(x - h e_c)) / 2h for every row of ``x``.

    >>> central_difference(lambda v: v[:, 0] ** 2 * v[:, 1], np.array([[3.0, 2.0]]), 0).round(6)
    array([12.])
    """
    x = _check(x, column, step)
    return (f(_shifted(x, column, step)) - f(_shifted(x, column, -step))) / (2 * step)


def one_sided_differences(f: Batch, x, column: int, step: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """The backward and forward differences (left, right) for every row of ``x``.

    >>> left, right = one_sided_differences(lambda v: np.maximum(v[:, 0], 0), np.zeros((1, 1)), 0)
    >>> float(left[0]), float(right[0])
    (0.0, 1.0)
    """
    x = _check(x, column, step)
    here = f(x)
    return (here - f(_shifted(x, column, -step))) / step, (f(_shifted(x, column, step)) - here) / step


def close_mismatch(got: np.ndarray, want: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    """Rows where ``got`` is not within the tolerance of ``want`` (NaN counts as a mismatch).

    >>> close_mismatch(np.array([1.0, 2.0, np.nan]), np.array([1.0, 2.5, 1.0]), 1e-6, 1e-6).tolist()
    [False, True, True]
    """
    with np.errstate(invalid="ignore"):
        return ~np.isclose(got, want, rtol=rtol, atol=atol)


def bracket_mismatch(got: np.ndarray, left: np.ndarray, right: np.ndarray, slack: float) -> np.ndarray:
    """Rows where ``got`` is not between ``left`` and ``right`` (widened by ``slack``).

    >>> bracket_mismatch(np.array([0.5, 1.0, 2.0]), np.zeros(3), np.ones(3), 1e-9).tolist()
    [False, False, True]
    """
    low, high = np.minimum(left, right) - slack, np.maximum(left, right) + slack
    with np.errstate(invalid="ignore"):
        return ~((got >= low) & (got <= high))


def failure_record(
    bad: np.ndarray,
    values: Mapping[str, np.ndarray],
    part: str,
    claimed: np.ndarray,
    reference: np.ndarray | Sequence[np.ndarray],
) -> Counterexample:
    """The failing row with the smallest inputs, as a Counterexample of plain numbers.

    ``reference`` is one array, or a pair (left, right) for a bracket test.

    >>> failure_record(np.array([False, True]), {"x": np.array([0.0, 1.5])}, "side 2", np.array([0.0, 3.0]), np.array([0.0, 2.0]))
    Counterexample(instance={'x': 1.5}, claimed=3.0, reference=2.0, part='side 2')
    """
    rows = np.flatnonzero(bad)
    weight = sum(np.abs(np.asarray(column)[rows]) for column in values.values())
    row = int(rows[np.argmin(weight)])
    want = [float(r[row]) for r in reference] if isinstance(reference, (tuple, list)) else float(reference[row])
    instance = {name: float(column[row]) for name, column in values.items()}
    return Counterexample(instance, float(claimed[row]), want, part)
