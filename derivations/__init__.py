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
    "conv1d_param_grads": "derivations.conv1d",
    "conv1d_param_grads_symbolic": "derivations.conv1d",
    "layer_table": "derivations.network_table",
    "parse_layer_spec": "derivations.layer_spec",
    "metrics": "derivations.metrics",
    "mse": "derivations.metrics",
    "rmse": "derivations.metrics",
    "nrmse": "derivations.metrics",
    "rrmse": "derivations.metrics",
    "gelu": "derivations.activations",
    "gelu_tanh": "derivations.activations",
    "gelu_sigmoid": "derivations.activations",
    "relu": "derivations.activations",
    "prelu": "derivations.activations",
    "rrelu": "derivations.activations",
    "leaky_relu": "derivations.activations",
    "elu": "derivations.activations",
    "selu": "derivations.activations",
    "silu": "derivations.activations",
    "softplus": "derivations.activations",
    "mish": "derivations.activations",
    "hardswish": "derivations.activations",
    "sigmoid": "derivations.activations",
    "softsign": "derivations.activations",
    "hardtanh": "derivations.activations",
    "hardsigmoid": "derivations.activations",
    "tanhshrink": "derivations.activations",
    "softshrink": "derivations.activations",
    "hardshrink": "derivations.activations",
    "logsigmoid": "derivations.activations",
    "step": "derivations.activations",
    "sinc": "derivations.activations",
    "normal_cdf": "derivations.activations",
    "gelu_error_bound": "derivations.gelu_bounds",
    "relative_error_bound": "derivations.gelu_bounds",
    "minimax_constant": "derivations.gelu_bounds",
    "selu_alpha": "derivations.selu_constants",
    "selu_lambda": "derivations.selu_constants",
    "channel_dropout": "derivations.dropout_layers",
    "element_dropout": "derivations.dropout_layers",
    "binomial_acceptance": "derivations.stat_tests",
    "batch_norm_train": "derivations.batchnorm_layers",
    "batch_norm_infer": "derivations.batchnorm_layers",
    "running_stats": "derivations.batchnorm_layers",
    "fit_linear_autoencoder": "derivations.linear_autoencoder",
    "principal_subspace": "derivations.linear_autoencoder",
    "Claim": "derivations.claim",
    "parse_latex": "derivations.latex",
    "registry": "derivations.registry",
    "catalogue": "derivations.catalogue",
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
