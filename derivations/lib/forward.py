"""A real forward pass of a layer stack in NumPy: what a network of the report's notation holds.

:func:`numpy_forward` uses no layer formula: it runs a random input through a
channels-last network (padded, strided cross-correlation, max pool, batch
norm, dense) and counts the entries of the arrays the pass consumed. It is the
brute force against which the layer formulas of
:mod:`convproof.derivations.lib.layer_table` are checked.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .layer_notation import Layer

__all__ = ["Measured", "numpy_forward"]

# per layer: {"shape": output shape (batch dropped, channels last), "params": trainable entries,
# "nontrainable": running statistics}
Measured = tuple[dict, ...]


def _conv(x: np.ndarray, layer: Layer, rng: np.random.Generator) -> tuple[np.ndarray, list[np.ndarray]]:
    weights = rng.standard_normal((layer.units, x.shape[2], layer.kernel, layer.kernel))
    bias = rng.standard_normal(layer.units)
    padded = np.pad(x, ((layer.padding, layer.padding), (layer.padding, layer.padding), (0, 0)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, (layer.kernel, layer.kernel), axis=(0, 1))
    windows = windows[:: layer.stride, :: layer.stride]
    return np.einsum("hwcab,fcab->hwf", windows, weights) + bias, [weights, bias]


def _pool(x: np.ndarray, layer: Layer) -> np.ndarray:
    windows = np.lib.stride_tricks.sliding_window_view(x, (layer.kernel, layer.kernel), axis=(0, 1))
    return windows[:: layer.stride, :: layer.stride].max(axis=(-2, -1))


@lru_cache(maxsize=64)
def numpy_forward(layers: tuple[Layer, ...], input_shape: tuple[int, ...], seed: int = 0) -> Measured:
    """Run a random input through the network in NumPy; per layer: shape, params, non-trainable entries.

    >>> from convproof.derivations.lib.layer_notation import parse_layer_spec
    >>> numpy_forward(parse_layer_spec("CONV3-4 POOL2 BATCHNORM FC-5"), (6, 6, 2))[-2:]
    ({'shape': (3, 3, 4), 'params': 8, 'nontrainable': 8}, {'shape': (5,), 'params': 185, 'nontrainable': 0})
    """
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(input_shape)
    out = []
    for layer in layers:
        trainable: list[np.ndarray] = []
        running: list[np.ndarray] = []
        if layer.kind == "conv":
            x, trainable = _conv(x, layer, rng)
        elif layer.kind == "pool":
            x = _pool(x, layer)
        elif layer.kind == "relu":
            x = np.maximum(x, 0)
        elif layer.kind == "batchnorm":
            features = x.shape[-1]
            trainable = [rng.uniform(0.5, 2, features), rng.standard_normal(features)]  # gamma, beta
            running = [np.zeros(features), np.ones(features)]  # running mean, running variance
            x = (x - running[0]) / np.sqrt(running[1] + 1e-5) * trainable[0] + trainable[1]
        elif layer.kind in ("flatten", "dense"):
            x = x.reshape(-1)
            if layer.kind == "dense":
                trainable = [rng.standard_normal((layer.units, x.size)), rng.standard_normal(layer.units)]
                x = trainable[0] @ x + trainable[1]
        out.append(
            {
                "shape": tuple(int(v) for v in x.shape),
                "params": sum(a.size for a in trainable),
                "nontrainable": sum(a.size for a in running),
            }
        )
    return tuple(out)
