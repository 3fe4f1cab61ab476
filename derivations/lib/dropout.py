"""Dropout layers in NumPy, and what their masks look like.

The reference for Q1(c): ordinary (element-wise) dropout and channel-wise
dropout (Dropout2d/Dropout3d, SpatialDropout2D/3D in Keras), both with the
inverted scaling of PyTorch and Keras: a kept value is divided by 1 - p, so
the expectation of every output equals its input.

Layouts follow PyTorch, channels first: (N, C, H, W) for 2D feature maps and
(N, C, D, H, W) for volumes. The report writes its example channels last,
(width, height, depth, channels); ``channel_axis`` and ``batch_axis`` say
where the channels and the samples are.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..errors import BadInputError

__all__ = ["chance_of_coarser_mask", "channel_dropout", "element_dropout", "shared_axes"]


def _check_rate(p: float, closed: bool = False) -> float:
    # a layer accepts p = 1 (every value dropped, as torch's Dropout2d(p=1.0)); a mask statistic does not
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not (0 <= p <= 1 if closed else 0 <= p < 1):
        raise BadInputError(f"dropout rate p must be a number in [0, {'1]' if closed else '1)'}, got {p!r}")
    return float(p)


def _scaled(x: np.ndarray, kept: np.ndarray, p: float) -> np.ndarray:
    return x * kept / (1 - p) if p < 1 else np.zeros_like(x)


def _check_generator(rng) -> np.random.Generator:
    if not isinstance(rng, np.random.Generator):
        raise BadInputError(f"rng must be a numpy.random.Generator (np.random.default_rng(seed)), not {rng!r}")
    return rng


def _axis(axis: int, ndim: int, name: str) -> int:
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)) or not -ndim <= axis < ndim:
        raise BadInputError(f"{name}={axis!r} is not an axis of an array with {ndim} dimensions")
    return int(axis) % ndim


def element_dropout(x: np.ndarray, p: float, rng: np.random.Generator) -> np.ndarray:
    """Ordinary dropout: every element is zeroed on its own with probability p.

    >>> element_dropout(np.ones((2, 3)), 0.5, np.random.default_rng(0))
    array([[2., 0., 0.],
           [0., 2., 2.]])
    """
    p, rng = _check_rate(p, closed=True), _check_generator(rng)
    x = np.asarray(x, dtype=float)
    kept = rng.random(x.shape) >= p
    return _scaled(x, kept, p)


def channel_dropout(
    x: np.ndarray, p: float, rng: np.random.Generator, *, channel_axis: int = 1, batch_axis: int | None = 0
) -> np.ndarray:
    """Channel-wise dropout: each (sample, channel) is kept whole or zeroed whole.

    One Bernoulli draw per sample and channel, shared by every other axis
    (the H x W of a feature map, the D x H x W of a volume); kept values are
    scaled by 1/(1 - p). ``batch_axis=None`` treats ``x`` as one sample.

    >>> x = np.ones((1, 4, 2, 2))
    >>> y = channel_dropout(x, 0.5, np.random.default_rng(1))
    >>> y[0, :, 0, 0], bool(np.all(y == y[:, :, :1, :1]))
    (array([2., 2., 0., 2.]), True)
    >>> channel_dropout(x, 1.0, np.random.default_rng(1))[0, :, 0, 0]  # p = 1 drops all, as torch's Dropout2d
    array([0., 0., 0., 0.])
    """
    p, rng = _check_rate(p, closed=True), _check_generator(rng)
    x = np.asarray(x, dtype=float)
    if x.ndim < 2:
        raise BadInputError(f"channel dropout needs a channel axis and a spatial axis; got shape {x.shape}")
    channel = _axis(channel_axis, x.ndim, "channel_axis")
    drawn = {channel}
    if batch_axis is not None:
        batch = _axis(batch_axis, x.ndim, "batch_axis")
        if batch == channel:
            raise BadInputError(f"batch_axis and channel_axis must differ, both are {batch_axis}")
        drawn.add(batch)
    mask_shape = tuple(size if axis in drawn else 1 for axis, size in enumerate(x.shape))
    kept = rng.random(mask_shape) >= p
    return _scaled(x, kept, p)


def shared_axes(kept: np.ndarray) -> tuple[int, ...]:
    """The axes along which a keep-mask is constant within every slice.

    For channel dropout of an (N, C, H, W) batch these are the spatial axes
    (2, 3): each feature map is one unit. For element dropout there are none.

    >>> shared_axes(np.array([[[True, True], [False, False]]]))
    (0, 2)
    """
    kept = np.asarray(kept, dtype=bool)
    return tuple(
        axis for axis in range(kept.ndim) if np.array_equal(kept, np.broadcast_to(kept.take([0], axis), kept.shape))
    )


def chance_of_coarser_mask(shape: Sequence[int], unit_axes: Sequence[int], p: float) -> float:
    """Probability that an independent axis looks shared by chance, at most.

    If the mask is independent along an axis of length m (and shared along
    ``unit_axes``), it is constant along that axis in one slice with
    probability p^m + (1 - p)^m, and in all L slices with that power L.
    The result bounds the chance that :func:`shared_axes` reports any
    independent axis as shared (a union bound over the axes).

    >>> chance_of_coarser_mask((8, 16, 4, 4), (2, 3), 0.5) < 1e-30
    True
    """
    p = _check_rate(p)
    units = [size for axis, size in enumerate(shape) if axis not in unit_axes]
    total = 0.0
    for position, size in enumerate(units):
        slices = int(np.prod(units[:position] + units[position + 1 :]))
        total += (p**size + (1 - p) ** size) ** slices
    return min(1.0, total)
