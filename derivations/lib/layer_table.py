"""The layer table of a network: output shapes, parameter counts, receptive fields.

Every count comes from a layer formula in SymPy symbols
(:mod:`.layer_formulas`), substituted with the layer's numbers, so a row carries
the formula that gives its value. Convolution is cross-correlation and output
sizes are floored, as in PyTorch; receptive fields follow :mod:`.geometry`,
through residual blocks as :mod:`.layer_walk` says. Symbolic input sizes give
formulas, valid under :attr:`LayerTable.conditions`.
"""

from __future__ import annotations

from ..errors import BadInputError
from .layer_eval import _integer_function, evaluate_integers, substitute
from .layer_formulas import PARAMETERS, RUNNING_STATISTICS, C, H, W, f, in_symbols, k, n_in, n_out, p, s
from .layer_input import LAYOUTS, parse_input_shape
from .layer_kinds import Layer
from .layer_notation import parse_layer_spec
from .layer_rows import LayerRow, LayerTable
from .layer_torch import torch_layers
from .layer_walk import Walk

__all__ = [
    "PARAMETERS",
    "RUNNING_STATISTICS",
    "LayerRow",
    "LayerTable",
    "evaluate_integers",
    "from_torch",
    "layer_table",
    "substitute",
]

# the symbols of the report's formulas, importable from here as before
_SYMBOLS = (C, H, W, f, k, n_in, n_out, p, s, in_symbols, _integer_function)


def layer_table(spec, input_shape, layout: str | None = None) -> LayerTable:
    """Output shape, parameters, running statistics and receptive field of every layer.

    ``spec`` is a string in the layer notation (or parsed layers);
    ``input_shape`` is ``"HxWxC"``, ``"n"`` or a tuple, channels last unless
    ``layout="chw"``; sizes may be SymPy symbols.

    >>> table = layer_table("CONV3-8 RELU POOL-2 BATCHNORM FC-10", "32x32x3")
    >>> [(r.layer, r.output_shape, r.params, r.nontrainable, r.receptive_field) for r in table.rows]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('CONV3-8', (32, 32, 8), 224, 0, 3), ('RELU', (32, 32, 8), 0, 0, 3), ('POOL-2', (16, 16, 8), 0, 0, 4),
     ('BATCHNORM', (16, 16, 8), 16, 16, 4), ('FC-10', (10,), 20490, 0, None)]
    >>> table.params, table.nontrainable, table.total
    (20730, 16, 20746)
    >>> res = layer_table("CONV3-8(2,1) RES[CONV3-16(2,1) RELU CONV3-16 | CONV1-16(2,0)]", "3x32x32", layout="chw")
    >>> [(r.layer, r.path, res.shown(r.output_shape), r.receptive_field, r.effective_stride) for r in res.rows[-2:]]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('CONV1-16(2,0)', 'res 6 shortcut', (16, 8, 8), 3, 4),
     ('RES[CONV3-16(2,1) RELU CONV3-16 | CONV1-16(2,0)]', '', (16, 8, 8), 15, 4)]
    >>> import sympy as sp
    >>> Hs, Ws = sp.symbols("H W", integer=True, positive=True)
    >>> sym = layer_table("CONV3-8 POOL-2 FC-10", (Hs, Ws, 3))
    >>> sym.rows[1].output_shape, sym.conditions, sym.params
    ((floor(H/2), floor(W/2), 8), (H >= 2, W >= 2), 80*floor(H/2)*floor(W/2) + 234)
    """
    layers = parse_layer_spec(spec) if isinstance(spec, str) else tuple(spec) if isinstance(spec, (tuple, list)) else ()
    if not layers or not all(isinstance(layer, Layer) for layer in layers):
        raise BadInputError(f"spec must be a layer string or a sequence of parsed layers, got {spec!r}")
    shape = parse_input_shape(input_shape, layout)
    walk = Walk(spec if isinstance(spec, str) else None)
    rank = len(shape) - 1
    walk.run(layers, shape, tuple((1, 1) for _ in range(max(rank, 1))))
    shown = "chw" if layout is not None and LAYOUTS[layout.lower()] else "hwc"
    return LayerTable(shape, tuple(walk.rows), tuple(walk.conditions), shown)


def from_torch(model, input_shape, layout: str | None = None) -> LayerTable:
    """The layer table of a PyTorch model built of the layers the notation knows (needs torch).

    Residual blocks are read from the model's traced graph (``torch.fx``): an
    addition of two branches that start at the same tensor is a ``RES`` block.
    ``input_shape`` is channels last as for :func:`layer_table` (``layout="chw"``
    for PyTorch's order).

    >>> import importlib.util
    >>> if importlib.util.find_spec("torch"):
    ...     from torch import nn
    ...     net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512, 10))
    ...     print(from_torch(net, "3x16x16", layout="chw").params)
    ... else:
    ...     print(5354)
    5354
    """
    return layer_table(torch_layers(model), input_shape, layout)


layer_table.from_torch = from_torch
