"""A layer stack of the report's notation built and run in PyTorch: the oracle of the layer formulas.

:func:`torch_forward` builds the network module by module, sizing each from
the tensor that reaches it (no layer formula), runs a dummy input through it
and counts each module's parameters and running statistics. PyTorch runs
through :func:`convproof.derivations.checks.torch_oracle.quiet_torch`; without
it the function gives ``None``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from ..lib.forward import Measured
from ..lib.layer_notation import Layer
from .torch_oracle import have_torch, quiet_torch

__all__ = ["torch_forward"]


def _module(nn: Any, layer: Layer, shape: tuple[int, ...], device: str):
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
    """The network in PyTorch, run in eval mode on a dummy input; ``None`` without torch.

    Shapes are given channels last, as in the report; ``nontrainable`` counts
    batch norm's running mean and variance (not its ``num_batches_tracked``
    counter). ``device="meta"`` propagates shapes without allocating weights.

    >>> from convproof.derivations.lib.layer_notation import parse_layer_spec
    >>> measured = torch_forward(parse_layer_spec("CONV3-4 FC-5"), (6, 6, 2))
    >>> measured is None or [(m["shape"], m["params"]) for m in measured] == [((6, 6, 4), 76), ((5,), 725)]
    True
    """
    if not have_torch():
        return None
    channels_first = (input_shape[2], input_shape[0], input_shape[1]) if len(input_shape) == 3 else input_shape
    out = []
    with quiet_torch() as torch, torch.no_grad():
        x = torch.zeros((1, *channels_first), device=device)
        for layer in layers:
            module = _module(torch.nn, layer, tuple(x.shape[1:]), device).eval()
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
