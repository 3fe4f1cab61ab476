"""Witnesses for the layer table: run the network and count what it holds.

Neither forward pass uses a layer formula. :func:`numpy_forward` runs a real
channels-last forward pass in NumPy (padded, strided cross-correlation, max
pool, batch norm, dense) and counts the entries of the arrays the pass
consumed; :func:`torch_forward` builds the same network in PyTorch, sizing
each module from the tensor that reaches it, and counts its parameters and
running statistics. PyTorch is imported only when called (the oracle is
optional).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import numpy as np
import sympy as sp

from ...lib.layer_notation import Layer

__all__ = ["cell", "column_total", "numpy_forward", "plain_value", "torch_forward", "witness_hooks"]

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


def _module(nn, layer: Layer, shape: tuple[int, ...], device: str):
    """The torch module for one layer, sized from the shape (batch dropped) of the tensor reaching it."""
    if layer.kind == "conv":
        return nn.Conv2d(shape[0], layer.units, layer.kernel, layer.stride, layer.padding, device=device)
    if layer.kind == "pool":
        return nn.MaxPool2d(layer.kernel, layer.stride)
    if layer.kind == "relu":
        return nn.ReLU()
    if layer.kind == "batchnorm":
        return (nn.BatchNorm2d if len(shape) == 3 else nn.BatchNorm1d)(shape[0], device=device)
    if layer.kind == "flatten":
        return nn.Flatten()
    features = int(np.prod(shape))
    return nn.Sequential(nn.Flatten(), nn.Linear(features, layer.units, device=device))


@lru_cache(maxsize=64)
def torch_forward(layers: tuple[Layer, ...], input_shape: tuple[int, ...], device: str = "cpu") -> Measured | None:
    """The same network in PyTorch, run in eval mode on a dummy input; ``None`` without torch.

    Shapes are given channels last, as in the report; ``nontrainable`` counts
    batch norm's running mean and variance (not its ``num_batches_tracked``
    counter). ``device="meta"`` propagates shapes without allocating weights.

    >>> from convproof.derivations.lib.layer_notation import parse_layer_spec
    >>> measured = torch_forward(parse_layer_spec("CONV3-4 FC-5"), (6, 6, 2))
    >>> measured is None or [(m["shape"], m["params"]) for m in measured] == [((6, 6, 4), 76), ((5,), 725)]
    True
    """
    if importlib.util.find_spec("torch") is None:
        return None
    import torch
    from torch import nn

    channels_first = (input_shape[2], input_shape[0], input_shape[1]) if len(input_shape) == 3 else input_shape
    x = torch.zeros((1, *channels_first), device=device)
    out = []
    with torch.no_grad():
        for layer in layers:
            module = _module(nn, layer, tuple(x.shape[1:]), device).eval()
            x = module(x)
            shape = tuple(int(v) for v in x.shape[1:])
            running = [b for name, b in module.named_buffers() if name.endswith(("running_mean", "running_var"))]
            out.append(
                {
                    "shape": (*shape[1:], shape[0]) if len(shape) == 3 else shape,
                    "params": sum(w.numel() for w in module.parameters()),
                    "nontrainable": sum(b.numel() for b in running),
                }
            )
    return tuple(out)


def cell(index: int, column: str, component: int | None = None):
    """A reader of one value of a witness: row ``index``, ``column``, optionally one component of a shape.

    >>> cell(0, "shape", 1)(({"shape": (6, 5, 4)},))
    5
    """

    def pick(measured: Measured):
        value = measured[index][column]
        return value if component is None else value[component]

    return pick


def column_total(measured: Measured) -> int:
    """The trainable parameters of a whole witnessed network.

    >>> column_total(({"params": 3}, {"params": 4}))
    7
    """
    return sum(row["params"] for row in measured)


def plain_value(expr) -> int | float | list:
    """A plain number (or list of numbers) of a SymPy value, for comparing and recording.

    >>> plain_value(sp.Tuple(sp.Integer(6), sp.Rational(1, 2))), plain_value(sp.Mul(3, 8, evaluate=False))
    ([6, 0.5], 24)
    """
    if isinstance(expr, (sp.Tuple, tuple, list)):
        return [plain_value(v) for v in expr]
    number = sp.nsimplify(sp.sympify(expr))
    return int(number) if number.is_integer else float(number)


def witness_hooks(layers: tuple[Layer, ...], input_shape: tuple[int, ...], pick, parts, reference):
    """A claim's ``brute`` (NumPy) and ``oracle`` (PyTorch) hooks for one value of a network, read by ``pick``.

    The oracle compares each claimed part with PyTorch's value; a PyTorch value
    that differs from ``reference`` is a bug of ours and raises.
    """

    def brute(values: dict):
        return pick(numpy_forward(layers, input_shape))

    def oracle(size: int, rng: np.random.Generator) -> dict | None:
        measured = torch_forward(layers, input_shape)
        if measured is None:
            return None
        value = plain_value(pick(measured))
        if plain_value(reference) != value:
            raise RuntimeError(f"PyTorch gives {value} where our reference gives {reference}")
        result = {"method": "PyTorch: the same network on a dummy input", "passed": True, "samples": 1}
        for label, part in parts:
            if plain_value(part) != value:
                counterexample = {"values": {}, "part": label, "claimed": plain_value(part), "reference": value}
                return {**result, "passed": False, "detail": f"{label} differs", "counterexample": counterexample}
        return result

    return brute, oracle
