"""The formula of every layer: its output shape and its parameters, in SymPy symbols.

A layer's input is C channels over the axes L (1-D), H x W (2-D) or
D x H x W (3-D), or a vector of n_in. Window settings are k, s, p, d (one set
shared by all axes) or k_h, s_w, ... (per axis, when they differ); f filters,
g groups, n_out outputs. The report's layers keep their formulas:
``floor((H - k + 2*p)/s) + 1`` and ``f*(C*k**2 + 1)``.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from ..errors import BadInputError
from .geometry import conv_output_size
from .layer_kinds import Layer
from .pooling import pool_output_size, transposed_output_size

__all__ = ["PARAMETERS", "RUNNING_STATISTICS", "SPATIAL", "in_symbols", "layer_formulas"]

H, W, C = sp.symbols("H W C", integer=True, positive=True)
L, D = sp.symbols("L D", integer=True, positive=True)
k, s, f, n_in, n_out = sp.symbols("k s f n_in n_out", integer=True, positive=True)
p = sp.Symbol("p", integer=True, nonnegative=True)
d, g, op = sp.Symbol("d", integer=True, positive=True), sp.Symbol("g", integer=True, positive=True), sp.Symbol("op")
SPATIAL = {1: (L,), 2: (H, W), 3: (D, H, W)}

# Trainable parameters of the report's layers, in the symbols of their input and settings.
PARAMETERS = {
    "conv": (C * k**2 + 1) * f,  # f kernels of C x k x k weights, one bias each
    "batchnorm": 2 * C,  # a scale gamma and a shift beta per channel
    "dense": (n_in + 1) * n_out,  # a weight per input and a bias, per output
}
# Non-trainable state: batch norm's running mean and running variance per channel.
RUNNING_STATISTICS = {"batchnorm": 2 * C}


def in_symbols(shape: tuple) -> dict:
    """The input symbols of a layer formula: the axes and C for a map; C and n_in (both n) for a vector.

    >>> in_symbols((16, 16, 8))
    {H: 16, W: 16, C: 8, n_in: 2048}
    """
    if len(shape) == 1:
        return {C: shape[0], n_in: shape[0]}
    size = sp.Mul(*shape) if any(isinstance(v, sp.Basic) for v in shape) else _product(shape)
    return {**dict(zip(SPATIAL[len(shape) - 1], shape[:-1], strict=True)), C: shape[-1], n_in: size}


def _product(values) -> int:
    out = 1
    for v in values:
        out *= v
    return out


def _axis_symbols(rank: int, shared: bool):
    if shared:
        return [(k, s, p, d, op)] * rank
    names = [a.name.lower() for a in SPATIAL[rank]]
    return [
        (*tuple(sp.Symbol(f"{base}_{n}", **kw) for base, kw in zip("kspd", _ASSUME, strict=True)), sp.Symbol(f"op_{n}"))
        for n in names
    ]


_ASSUME = (
    ({"integer": True, "positive": True},) * 2
    + ({"integer": True, "nonnegative": True},)
    + ({"integer": True, "positive": True},)
)


@lru_cache(maxsize=512)
def _window(kind: str, rank: int, shared: bool, dilated: bool, same: bool, ceil: bool, bias: bool, grouped: bool):
    """(shape formula, params formula, conditions) of a windowed layer with these features; built once each."""
    out, conditions = [], []
    symbols = _axis_symbols(rank, shared)
    for axis, (kk, ss, pp, dd, oo) in zip(SPATIAL[rank], symbols, strict=True):
        dil = dd if dilated else 1
        if same:
            out.append(sp.ceiling(axis / ss))
        elif kind == "tconv":
            out.append(transposed_output_size(axis, kk, ss, pp, oo, dil))
            conditions.append(out[-1] >= 1)
        elif kind in ("pool", "avgpool"):
            out.append(pool_output_size(axis, kk, ss, pp, ceil_mode=ceil, dilation=dil))
            conditions.append(axis + 2 * pp - dil * (kk - 1) - 1 >= 0)
        else:
            out.append(conv_output_size(axis, kk, ss, pp, dil))
            conditions.append(axis + 2 * pp - dil * (kk - 1) - 1 >= 0)
    window = sp.Mul(*(sym[0] for sym in symbols)) if not shared else k**rank
    per_filter = C / g * window if grouped else C * window
    if kind in ("conv", "tconv"):
        params = (per_filter + 1) * f if bias else per_filter * f
        channels = f
    elif kind == "dwconv":
        params = (window + 1) * C if bias else window * C
        channels = C
    else:
        params, channels = sp.Integer(0), C
    return sp.Tuple(*out, channels), params, tuple(conditions)


def _window_values(axes: tuple, rank: int) -> tuple[dict, bool]:
    shared = all(a == axes[0] for a in axes)
    symbols = _axis_symbols(rank, shared)
    values = {}
    for (kk, ss, pp, dd, oo), syms in zip(axes, symbols, strict=True):
        values.update(zip(syms, (kk, ss, pp, dd, oo), strict=True))
    return values, shared


def layer_formulas(layer: Layer, shape: tuple) -> tuple[sp.Tuple, sp.Basic, sp.Basic, dict, tuple]:
    """(shape formula, params formula, non-trainable formula, values of their symbols, validity conditions).

    Raises :class:`BadInputError` naming the layer when it cannot follow ``shape``.

    >>> from .layer_notation import parse_layer_spec
    >>> shape, params, _, values, _ = layer_formulas(parse_layer_spec("CONV5-16(3,2)")[0], (16, 16, 8))
    >>> shape, params, values[k], values[C]
    ((floor((H - k + 2*p)/s) + 1, floor((W - k + 2*p)/s) + 1, f), f*(C*k**2 + 1), 5, 8)
    >>> layer_formulas(parse_layer_spec("CONV3x5-8/2(2,1x2,nobias)")[0], (9, 9, 4))[:2]
    ((floor((H - k_h + 2*p_h)/s_h) + 1, floor((W - k_w + 2*p_w)/s_w) + 1, f), C*f*k_h*k_w/g)
    """
    values = in_symbols(shape)
    rank = len(shape) - 1
    zero = sp.Integer(0)
    kind = layer.kind
    if kind in ("conv", "dwconv", "tconv", "pool", "avgpool", "gap") and rank == 0:
        raise BadInputError(
            f"{layer.where}: a {kind} layer needs an H x W x C input, but it gets a vector of {shape[0]} "
            "(after FLATTEN or FC); put convolutions and pools before them"
        )
    if kind in ("conv", "dwconv", "tconv", "pool", "avgpool"):
        axes = layer.axes(rank)
        window_values, shared = _window_values(axes, rank)
        values.update(window_values)
        grouped = layer.groups != 1
        if grouped:
            values[g] = layer.groups
            channels = shape[-1]
            if isinstance(channels, int) and channels % layer.groups:
                raise BadInputError(
                    f"{layer.where}: {layer.groups} groups do not divide the {channels} input channels; "
                    "choose groups that divide both the input channels and the filters"
                )
        dilated = any(a[3] != 1 for a in axes)
        values[f] = layer.units
        formulas = _window(kind, rank, shared, dilated, layer.same, layer.ceil, layer.bias, grouped)
        if kind in ("pool", "avgpool", "conv", "dwconv") and not layer.same:
            _check_fits(layer, shape, axes)
        return formulas[0], formulas[1], zero, values, formulas[2]
    if kind == "gap":
        return sp.Tuple(*([1] * rank), C), zero, zero, values, ()
    if kind == "dense":
        values[n_out] = layer.units
        params = PARAMETERS["dense"] if layer.bias else n_in * n_out
        return sp.Tuple(n_out), params, zero, values, ()
    if kind == "batchnorm":
        return _same(shape), PARAMETERS["batchnorm"], RUNNING_STATISTICS["batchnorm"], values, ()
    if kind == "flatten" and rank:
        return sp.Tuple(sp.Mul(*SPATIAL[rank], C)), zero, zero, values, ()
    return _same(shape), sp.Integer(1 if kind == "prelu" else 0), zero, values, ()


def _same(shape: tuple) -> sp.Tuple:
    return sp.Tuple(*((*SPATIAL[len(shape) - 1], C) if len(shape) > 1 else (n_in,)))


def _check_fits(layer: Layer, shape: tuple, axes: tuple) -> None:
    names = {1: ("length",), 2: ("height", "width"), 3: ("depth", "height", "width")}[len(axes)]
    for axis, size, (kk, ss, pp, dd, _) in zip(names, shape[:-1], axes, strict=True):
        if not isinstance(size, int):
            continue
        try:
            conv_output_size(size, kk, ss, pp, dd)
        except BadInputError as exc:
            raise BadInputError(f"{layer.where}: {exc} (input {axis} {size})") from None
