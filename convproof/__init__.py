"""convproof: the closed-form claims of a deep-learning report, checked.

The helpers are the library (``derivations/lib`` in the repository): exact,
tested, and usable on any network, not only the report's. They are imported
on first use, so ``import convproof`` stays cheap:

>>> from convproof import conv_output_size, receptive_field, layer_table
>>> conv_output_size(32, 3, padding=1), receptive_field([(3, 1, 2)] * 2)
(32, 9)
>>> layer_table("CONV3-8 POOL-2 FC-10", (32, 32, 3)).params
20714

The verifier is :mod:`convproof.verify` (``run_claim``, ``check_latex``), the
report's claims :mod:`convproof.derivations.claims`, the audit and the
command :mod:`convproof.reports`.
"""

from __future__ import annotations

import importlib

from convproof.derivations.errors import (
    BadInputError,
    ConvproofError,
    LatexParseError,
    TexBuildError,
    ToolMissingError,
    UnknownClaimError,
    UnknownSymbolError,
)

_LIB = "convproof.derivations.lib."
_ACTIVATIONS = (
    "elu gelu gelu_sigmoid gelu_tanh hardshrink hardsigmoid hardswish hardtanh leaky_relu logsigmoid mish "
    "normal_cdf prelu relu rrelu selu sigmoid silu sinc softplus softshrink softsign step tanh tanhshrink"
).split()

# public name -> the module that defines it; resolved on first use.
_LAZY = {
    **dict.fromkeys(("conv_output_size", "receptive_field", "effective_stride", "stack_geometry"), _LIB + "geometry"),
    **dict.fromkeys(("conv1d_param_grads", "conv1d_param_grads_symbolic"), _LIB + "conv1d"),
    "layer_table": _LIB + "layer_table",
    "parse_layer_spec": _LIB + "layer_notation",
    **dict.fromkeys(("mse", "rmse", "nrmse", "rrmse"), _LIB + "metrics"),
    **dict.fromkeys(_ACTIVATIONS, _LIB + "activations"),
    **dict.fromkeys(("gelu_error_bound", "relative_error_bound", "minimax_constant"), _LIB + "gelu_bounds"),
    **dict.fromkeys(("selu_alpha", "selu_lambda"), _LIB + "selu"),
    **dict.fromkeys(("channel_dropout", "element_dropout"), _LIB + "dropout"),
    **dict.fromkeys(("batch_norm_train", "batch_norm_infer", "running_stats"), _LIB + "batchnorm"),
    **dict.fromkeys(("fit_linear_autoencoder", "principal_subspace"), _LIB + "autoencoder"),
    "binomial_acceptance": "convproof.derivations.checks.statistics",
    "parse_latex": "convproof.derivations.latex.front",
    "Claim": "convproof.derivations.claim",
}
_MODULES = {
    "metrics": _LIB + "metrics",
    "activations": _LIB + "activations",
    "registry": "convproof.derivations.claims.registry",
    "catalogue": "convproof.derivations.claims.catalogue",
}
_RENAMED = {"parse_latex": "parse"}

__all__ = [
    "BadInputError",
    "ConvproofError",
    "LatexParseError",
    "TexBuildError",
    "ToolMissingError",
    "UnknownClaimError",
    "UnknownSymbolError",
    *_LAZY,
    *_MODULES,
]


def __getattr__(name: str):
    if name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), _RENAMED.get(name, name))
    else:
        raise AttributeError(f"module 'convproof' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | set(_MODULES))
