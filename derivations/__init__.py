"""convproof's derivations: the report's claims and the helpers behind them.

Public helpers are imported lazily, so ``import derivations`` stays cheap:

>>> from derivations import conv_output_size, receptive_field
>>> conv_output_size(32, 3, padding=1), receptive_field([(3, 1, 2)] * 2)
(32, 9)
"""

from __future__ import annotations

import importlib

from derivations.errors import (
    BadInputError,
    ConvproofError,
    LatexParseError,
    ToolMissingError,
    UnknownClaimError,
    UnknownSymbolError,
)

# name -> module that defines it; resolved on first use.
_LAZY = {
    "conv_output_size": "derivations.geometry",
    "receptive_field": "derivations.geometry",
    "effective_stride": "derivations.geometry",
    "stack_geometry": "derivations.geometry",
    "conv1d_param_grads": "derivations.conv_grads",
    "conv1d_param_grads_symbolic": "derivations.conv_grads",
    "layer_table": "derivations.cnn_table",
    "parse_layer_spec": "derivations.cnn_table",
    "metrics": "derivations.metrics",
    "gelu": "derivations.activations",
    "gelu_tanh": "derivations.activations",
    "gelu_sigmoid": "derivations.activations",
    "Claim": "derivations.claim",
    "parse_latex": "derivations.latex",
    "registry": "derivations.registry",
}

__all__ = [
    "BadInputError",
    "ConvproofError",
    "LatexParseError",
    "ToolMissingError",
    "UnknownClaimError",
    "UnknownSymbolError",
    *_LAZY,
]


def __getattr__(name: str):
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'derivations' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    value = module if module_name.endswith(name) else getattr(module, "parse" if name == "parse_latex" else name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
