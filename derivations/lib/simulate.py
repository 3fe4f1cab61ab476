"""Brute force: real NumPy convolutions that measure what the formulas predict.

These functions know no formula for the quantity they measure; they run the
operation and look at the result. They are the independent witness for the
geometry claims (receptive field, output size, output shape).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = [
    "dilated_conv1d",
    "measured_jump",
    "measured_output_length",
    "measured_output_shape",
    "measured_receptive_field",
]


def dilated_conv1d(x: np.ndarray, weights: np.ndarray, stride: int = 1, dilation: int = 1) -> np.ndarray:
    """Valid cross-correlation along the last axis, with stride and dilation.

    >>> dilated_conv1d(np.arange(6.0), np.array([1.0, 1.0]), dilation=2)
    array([2., 4., 6., 8.])
    """
    k = len(weights)
    span = dilation * (k - 1) + 1
    n = x.shape[-1]
    starts = np.arange(0, n - span + 1, stride)
    out = np.zeros((*x.shape[:-1], len(starts)), dtype=np.result_type(x, weights))
    for tap in range(k):
        out += weights[tap] * x[..., starts + tap * dilation]
    return out


def _probe(layers: Sequence[tuple[int, int, int]], outputs: int) -> np.ndarray:
    """Push one impulse per input position through a stack of all-ones kernels.

    Returns a matrix whose row j is the stack's output for an impulse at j;
    the input is long enough for at least ``outputs`` outputs.
    """
    bound = 2
    jump = 1
    for kernel, stride, dilation in layers:
        jump *= stride
        bound += kernel * dilation * jump
    probe = np.eye(bound + outputs * jump)
    for kernel, stride, dilation in layers:
        probe = dilated_conv1d(probe, np.ones(kernel), stride, dilation)
    return probe


def measured_jump(layers: Sequence[tuple[int, int, int]]) -> int:
    """Effective stride of a stack: how far the field of output 1 sits from output 0's.

    >>> measured_jump([(3, 2, 1), (2, 2, 1)])
    4
    """
    probe = _probe(layers, outputs=2)
    return int(np.flatnonzero(probe[:, 1]).min() - np.flatnonzero(probe[:, 0]).min())


def measured_receptive_field(layers: Sequence[tuple[int, int, int]]) -> int:
    """Receptive field of the first output of a stack, found by probing.

    Every input position gets its own impulse (the rows of an identity
    matrix, all pushed through the stack at once); the receptive field is the
    extent of the positions whose impulse reaches output 0.

    >>> measured_receptive_field([(3, 1, 2), (3, 1, 1)])
    7
    """
    probe = _probe(layers, outputs=1)
    reached = np.flatnonzero(probe[:, 0])
    return int(reached.max() - reached.min() + 1)


def measured_output_length(n: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Length of a real padded, strided, dilated convolution's output.

    >>> measured_output_length(10, 3, dilation=2)
    6
    """
    x = np.pad(np.ones(n), padding)
    return dilated_conv1d(x, np.ones(kernel), stride, dilation).shape[-1]


def measured_output_shape(n: int, channels: int, filters: int, kernel: int, dilation: int = 1) -> tuple[int, int, int]:
    """Shape (filters, H, W) of a real 2-D dilated convolution of an n x n x C input.

    >>> measured_output_shape(9, 3, 4, 3, 2)
    (4, 5, 5)
    """
    rng = np.random.default_rng(0)
    image = rng.standard_normal((channels, n, n))
    weights = rng.standard_normal((filters, channels, kernel, kernel))
    dilated = np.zeros((filters, channels, dilation * (kernel - 1) + 1, dilation * (kernel - 1) + 1))
    dilated[:, :, ::dilation, ::dilation] = weights
    windows = np.lib.stride_tricks.sliding_window_view(image, dilated.shape[2:], axis=(1, 2))
    out = np.einsum("chwab,fcab->fhw", windows, dilated)
    return out.shape
