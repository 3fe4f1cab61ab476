"""The Q4 network in NumPy: sampled, simulated, and moved onto its kinks.

The same network as :mod:`convproof.derivations.claims.conv_grads.network`, computed with a
real convolution (:func:`convproof.derivations.lib.conv1d.conv1d_valid`), ``np.maximum``
pooling and ReLU: what finite differences differentiate.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ...lib.conv1d import conv1d_valid
from .network import BASE, INPUTS

__all__ = ["HIGH", "LOW", "forward", "head_numpy", "kink_distance", "on_kinks", "sample"]

LOW, HIGH = -2.0, 2.0


def sample(size: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """``size`` random instances of every input and parameter, uniform in [-2, 2]."""
    return {name: rng.uniform(LOW, HIGH, size) for name in BASE}


def forward(values: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """z, v_1, v_2, yhat and L computed with NumPy (real convolution, max-pool, ReLU).

    >>> one = {name: np.array([0.0]) for name in BASE}
    >>> one.update(u_1=np.array([1.0]), k_1=np.array([2.0]), w_1=np.array([1.0]), y=np.array([3.0]))
    >>> out = forward(one)
    >>> out["z"].tolist(), float(out["yhat"][0]), float(out["L"][0])
    ([[2.0, 0.0, 0.0]], 2.0, 0.5)
    """
    u = np.stack([values[name] for name in INPUTS], axis=-1)
    kernel = np.stack([values[f"k_{n}"] for n in range(1, 4)], axis=-1)
    z = conv1d_valid(u, kernel, values["b"])
    return head_numpy(z, values)


def head_numpy(z: np.ndarray, values: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The network after the convolution, from z of shape (n, 3)."""
    v = np.maximum(np.maximum(z[:, :-1], z[:, 1:]), 0.0)
    yhat = values["w_1"] * v[:, 0] + values["w_2"] * v[:, 1] + values["a"]
    return {"z": z, "v_1": v[:, 0], "v_2": v[:, 1], "yhat": yhat, "L": (yhat - values["y"]) ** 2 / 2}


def kink_distance(z: np.ndarray) -> np.ndarray:
    """How far each instance is from a kink: a tie in a pooling window or a zero z."""
    return np.min(np.abs(np.column_stack([z[:, 0] - z[:, 1], z[:, 1] - z[:, 2], z])), axis=1)


def on_kinks(values: Mapping[str, np.ndarray], rng: np.random.Generator, near: float) -> dict[str, np.ndarray]:
    """Move each instance onto a kink (z_1 = z_2 by u_1, z_3 = z_2 by u_5, or z_j = 0 by b).

    Half of the instances land exactly on it, half within ``near`` of it (in z).
    """
    moved = {name: np.array(column, dtype=float) for name, column in values.items()}
    z = forward(moved)["z"]
    n = len(z)
    kind = rng.integers(0, 5, n)
    offset = np.where(rng.random(n) < 0.5, 0.0, rng.uniform(-near, near, n))
    with np.errstate(divide="ignore", invalid="ignore"):
        pool_left = np.where(kind == 0, (z[:, 0] - z[:, 1] - offset) / moved["k_1"], 0.0)
        pool_right = np.where(kind == 1, (z[:, 2] - z[:, 1] - offset) / moved["k_3"], 0.0)
    zero = np.where(kind >= 2, z[np.arange(n), np.clip(kind - 2, 0, 2)] - offset, 0.0)
    moved["u_1"] -= pool_left
    moved["u_5"] -= pool_right
    moved["b"] -= zero
    # a small k would move u far out of the domain, where curvature swamps a one-sided difference
    keep = (np.abs(moved["u_1"]) <= 2 * HIGH) & (np.abs(moved["u_5"]) <= 2 * HIGH)
    return {name: column[keep] for name, column in moved.items()}
