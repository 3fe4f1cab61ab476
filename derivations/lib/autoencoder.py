"""A linear autoencoder in NumPy, trained without eigenvectors, and PCA to judge it.

The report's vanilla autoencoder (one dense encoder layer, one dense decoder
layer) with identity activations is the linear autoencoder x -> D E (x - mu)
+ mu. Baldi & Hornik (1989): its optimum projects onto the top-k principal
subspace of the data, and its mean squared reconstruction error is the sum
of the discarded eigenvalues of the covariance. :func:`fit_linear_autoencoder`
trains it by alternating least squares (each step solves for the decoder,
then for the encoder), which uses no eigen-decomposition, so comparing its
result with :func:`principal_subspace` is a real check.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import BadInputError

__all__ = [
    "LinearAutoencoder",
    "anomaly_flags",
    "data_with_spectrum",
    "fit_linear_autoencoder",
    "principal_subspace",
    "subspace_distance",
]


@dataclass(frozen=True)
class LinearAutoencoder:
    """x -> decoder @ encoder @ (x - mean) + mean; codes have ``encoder.shape[0]`` values."""

    encoder: np.ndarray
    decoder: np.ndarray
    mean: np.ndarray

    def reconstruct(self, x: np.ndarray) -> np.ndarray:
        centred = np.atleast_2d(np.asarray(x, dtype=float)) - self.mean
        return centred @ self.encoder.T @ self.decoder.T + self.mean

    def errors(self, x: np.ndarray) -> np.ndarray:
        """Squared reconstruction error of each row of ``x``."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        return ((x - self.reconstruct(x)) ** 2).sum(axis=1)


def _data(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 1:
        raise BadInputError(f"data must be a 2-D array of at least 2 samples (rows), got shape {x.shape}")
    if not np.isfinite(x).all():
        raise BadInputError("data contains NaN or infinity")
    return x


def _code_size(k, d: int) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= d:
        raise BadInputError(f"code size k must be an integer in [1, {d}] (the input dimension), got {k!r}")
    return int(k)


def fit_linear_autoencoder(
    x, k: int, rng: np.random.Generator, *, iterations: int = 500, tol: float = 1e-15
) -> LinearAutoencoder:
    """Train a linear autoencoder with a k-dimensional code by alternating least squares.

    Given the encoder, the best decoder is a least-squares fit of the data
    on the codes; given the decoder, the best encoder is its pseudo-inverse
    (the best code of each sample). Stops when the error stops falling.

    >>> rng = np.random.default_rng(0)
    >>> x = data_with_spectrum(rng, 50, [4.0, 1.0, 0.25])
    >>> ae = fit_linear_autoencoder(x, 2, rng)
    >>> round(float(ae.errors(x).mean()), 6)
    0.25
    """
    x = _data(x)
    k = _code_size(k, x.shape[1])
    mean = x.mean(axis=0)
    centred = x - mean
    decoder = rng.standard_normal((x.shape[1], k))
    previous = np.inf
    for _ in range(iterations):
        encoder = np.linalg.pinv(decoder)
        codes = centred @ encoder.T
        decoder = np.linalg.lstsq(codes, centred, rcond=None)[0].T
        error = float(((centred - codes @ decoder.T) ** 2).sum())
        if previous - error <= tol * max(error, 1.0):
            break
        previous = error
    return LinearAutoencoder(np.linalg.pinv(decoder), decoder, mean)


def principal_subspace(x, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(eigenvalues in decreasing order, top-k eigenvectors as columns) of the covariance (1/n).

    >>> values, vectors = principal_subspace(np.array([[0.0, 0.0], [2.0, 0.0]]), 1)
    >>> values, np.abs(vectors).ravel()
    (array([1., 0.]), array([1., 0.]))
    """
    x = _data(x)
    k = _code_size(k, x.shape[1])
    centred = x - x.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred / len(x))
    order = np.argsort(values)[::-1]
    return np.clip(values[order], 0, None), vectors[:, order[:k]]


def subspace_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Sine of the largest principal angle between the column spaces of a and b.

    >>> subspace_distance(np.array([[1.0], [0.0]]), np.array([[2.0], [0.0]]))
    0.0
    """
    qa, qb = np.linalg.qr(np.asarray(a, dtype=float))[0], np.linalg.qr(np.asarray(b, dtype=float))[0]
    if qa.shape != qb.shape:
        raise BadInputError(f"subspaces of different shapes {qa.shape} and {qb.shape}")
    cosines = np.linalg.svd(qa.T @ qb, compute_uv=False)
    return float(np.sqrt(max(0.0, 1.0 - float(cosines.min()) ** 2)))


def data_with_spectrum(rng: np.random.Generator, n: int, eigenvalues, mean=None) -> np.ndarray:
    """n samples whose covariance (1/n) has exactly the given eigenvalues, in random directions.

    >>> x = data_with_spectrum(np.random.default_rng(1), 40, [3.0, 2.0])
    >>> np.round(principal_subspace(x, 1)[0], 12)
    array([3., 2.])
    """
    eigenvalues = np.asarray(eigenvalues, dtype=float)
    d = eigenvalues.size
    if n < d + 1:
        raise BadInputError(f"need more samples than dimensions (n > {d}), got n={n}")
    if (eigenvalues < 0).any():
        raise BadInputError("eigenvalues of a covariance must be >= 0")
    # orthonormal columns orthogonal to the ones vector: centred scores with identity covariance
    basis = np.linalg.qr(np.column_stack([np.ones(n), rng.standard_normal((n, d))]))[0][:, 1:]
    directions = np.linalg.qr(rng.standard_normal((d, d)))[0]
    shift = np.zeros(d) if mean is None else np.asarray(mean, dtype=float)
    return basis * np.sqrt(n * eigenvalues) @ directions.T + shift


def anomaly_flags(errors, threshold: float) -> np.ndarray:
    """True where a reconstruction error exceeds the threshold.

    >>> anomaly_flags([0.1, 2.0], 1.0)
    array([False,  True])
    """
    errors = np.asarray(errors, dtype=float)
    if not np.isfinite(threshold):
        raise BadInputError(f"threshold must be a finite number, got {threshold!r}")
    return errors > threshold
