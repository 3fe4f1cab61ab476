"""Batch normalization in NumPy: training, inference and the running statistics.

The reference for Q1(d), channels first like PyTorch: an input of shape
(N, C) or (N, C, *spatial) is normalised per channel over every other axis.
Training uses the batch mean and the biased batch variance; inference uses
running statistics, an exponential moving average kept during training.

The two frameworks write that average differently (both start at mean 0 and
variance 1, before any batch):

- PyTorch: ``r <- (1 - momentum) r + momentum b`` with momentum 0.1 on the
  new value, and the unbiased batch variance in the running variance;
- Keras: ``r <- momentum r + (1 - momentum) b`` with momentum 0.99 on the
  old value, and the biased batch variance (``keras.ops.moments``).

:func:`batch_mean` and :func:`batch_variance` are the same statistics of a
symbolic batch (a list of SymPy values), for the claims' derivations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from ..errors import BadInputError

__all__ = [
    "KERAS",
    "PYTORCH",
    "EmaConvention",
    "batch_mean",
    "batch_norm_infer",
    "batch_norm_train",
    "batch_variance",
    "running_stats",
]


def batch_mean(values) -> sp.Basic:
    """Mean of a list of SymPy values.

    >>> batch_mean(sp.symbols("x_1:3"))
    x_1/2 + x_2/2
    """
    return sp.Add(*values) / len(values)


def batch_variance(values, ddof: int = 0) -> sp.Basic:
    """Variance of a list of SymPy values: biased (``ddof=0``, as batch norm normalises) or not.

    >>> sp.factor(batch_variance(sp.symbols("x_1:3")))
    (x_1 - x_2)**2/4
    >>> sp.factor(batch_variance(sp.symbols("x_1:3"), ddof=1))
    (x_1 - x_2)**2/2
    """
    mean = batch_mean(values)
    return sp.Add(*((v - mean) ** 2 for v in values)) / (len(values) - ddof)


@dataclass(frozen=True)
class EmaConvention:
    """How a framework updates its running statistics after one batch.

    ``weight_new`` is the weight of the batch statistic in one update (an
    exact rational, so the same object serves SymPy and NumPy).
    """

    name: str
    weight_new: sp.Rational
    unbiased_variance: bool
    initial_mean: int = 0
    initial_variance: int = 1

    def update(self, running: tuple, batch_mean, batch_variance_biased, count):
        """One EMA step from ``running`` (mean, variance); SymPy or NumPy values alike.

        >>> PYTORCH.update((0, 1), 2.0, 1.0, 2)
        (0.2, 1.1)
        >>> x1, x2 = sp.symbols("x1 x2")
        >>> KERAS.update((0, 1), (x1 + x2) / 2, (x1 - x2) ** 2 / 4, 2)[0]
        x1/200 + x2/200
        """
        symbolic = any(isinstance(v, sp.Basic) for v in (batch_mean, batch_variance_biased))
        w = self.weight_new if symbolic else float(self.weight_new)
        variance = batch_variance_biased * count / (count - 1) if self.unbiased_variance else batch_variance_biased
        return (1 - w) * running[0] + w * batch_mean, (1 - w) * running[1] + w * variance


PYTORCH = EmaConvention("PyTorch (momentum 0.1 on the new value)", sp.Rational(1, 10), unbiased_variance=True)
KERAS = EmaConvention("Keras (momentum 0.99 on the old value)", sp.Rational(1, 100), unbiased_variance=False)
# torch.nn.BatchNorm with momentum=None keeps a cumulative average: its first update takes the batch whole
PYTORCH_CUMULATIVE = EmaConvention(
    "PyTorch with momentum=None (a cumulative average)", sp.Integer(1), unbiased_variance=True
)


def _as_batch(x, name: str = "x") -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim < 2:
        raise BadInputError(f"{name} must have shape (N, C) or (N, C, *spatial), got shape {x.shape}")
    if not np.isfinite(x).all():
        raise BadInputError(f"{name} contains NaN or infinity")
    return x


def _per_channel(value, x: np.ndarray) -> np.ndarray:
    """A scalar or a length-C vector, shaped to broadcast against x."""
    value = np.asarray(value, dtype=float)
    if value.ndim == 0:
        return value
    if value.shape != (x.shape[1],):
        raise BadInputError(f"per-channel values need shape ({x.shape[1]},), got {value.shape}")
    return value.reshape((1, -1) + (1,) * (x.ndim - 2))


def batch_norm_train(x, gamma=1.0, beta=0.0, eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training-mode batch norm: (output, batch mean, biased batch variance) per channel.

    >>> y, mean, var = batch_norm_train(np.array([[1.0], [3.0]]), eps=0.0)
    >>> y.ravel(), mean, var
    (array([-1.,  1.]), array([2.]), array([1.]))
    """
    x = _as_batch(x)
    if not eps >= 0:
        raise BadInputError(f"eps must be >= 0, got {eps!r}")
    axes = (0, *range(2, x.ndim))
    mean = x.mean(axis=axes)
    var = x.var(axis=axes)
    shape = (1, -1) + (1,) * (x.ndim - 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        normalised = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return _per_channel(gamma, x) * normalised + _per_channel(beta, x), mean, var


def batch_norm_infer(x, running_mean, running_var, gamma=1.0, beta=0.0, eps: float = 1e-5) -> np.ndarray:
    """Inference-mode batch norm with fixed running statistics: each sample on its own.

    >>> batch_norm_infer(np.array([[1.0], [3.0]]), np.array([1.0]), np.array([4.0]), eps=0.0).ravel()
    array([0., 1.])
    """
    x = _as_batch(x)
    mean, var = _per_channel(running_mean, x), _per_channel(running_var, x)
    return _per_channel(gamma, x) * (x - mean) / np.sqrt(var + eps) + _per_channel(beta, x)


def running_stats(batches, convention: EmaConvention = PYTORCH) -> tuple[np.ndarray, np.ndarray]:
    """Running (mean, variance) per channel after training on ``batches`` in order.

    >>> batch = np.array([[1.0], [5.0]])  # mean 3, biased variance 4, unbiased 8
    >>> running_stats([batch])
    (array([0.3]), array([1.7]))
    >>> running_stats([batch], KERAS)
    (array([0.03]), array([1.03]))
    """
    batches = [_as_batch(b, "each batch") for b in batches]
    if not batches:
        raise BadInputError("running_stats needs at least one batch")
    channels = batches[0].shape[1]
    state = (np.full(channels, float(convention.initial_mean)), np.full(channels, float(convention.initial_variance)))
    for batch in batches:
        count = batch.size // channels
        if convention.unbiased_variance and count < 2:
            raise BadInputError(f"an unbiased variance needs at least 2 values per channel, got {count}")
        _, mean, var = batch_norm_train(batch)
        state = convention.update(state, mean, var, count)
    return state
