"""Q2's formulas as the report writes them, one builder per claim, each able to read another text.

Each builder parses its ``source`` (the report's LaTeX by default) and sets the claim's ``reread``
to itself, so the homework's quantities (:mod:`convproof.derivations.claims.homework`) judge a
student's formula with the same reference, domain and brute force.
"""

from __future__ import annotations

from functools import partial

import sympy as sp

from ...claim import Claim, integers, place
from ...latex.front import parse_chain, parse_shape
from ...lib import simulate
from ...lib.geometry import conv_output_size, rf_reference
from ...lib.symbols import N, d, i, k, m

__all__ = [
    "KD",
    "LAYERS",
    "RF",
    "effective_kernel",
    "output_shape",
    "output_size",
    "rf_base",
    "rf_closed_form",
    "rf_layer",
    "rf_recurrence",
]

RF = sp.Function("RF")

_NAMES = {"k": k, "d": d, "i": i, "N": N, "m": m}
KD = {k: integers(1, 7), d: integers(1, 5)}
_STACK = (
    "A stack of identical stride-1, unpadded dilated layers (kernel $k$, dilation $d$), as Q2(b) assumes; "
    "the receptive field is the extent of input positions that reach one output."
)


def _rf_parts(latex: str, depth, names: dict) -> tuple[tuple, tuple[tuple[str, sp.Basic], ...]]:
    """Parse an RF chain; every side after the first is a claimed value of RF_depth.

    An ``RF_j`` on the right is replaced by the true receptive field of j
    layers, so each step is judged on its own and not on the previous ones.
    """
    sides = parse_chain(latex, names, words=["RF"])
    truth = {RF(j): rf_reference(j) for j in (depth - 1, depth) if j is not None}
    parts = tuple((f"side {n + 1}", side.subs(truth)) for n, side in enumerate(sides[1:], start=1))
    return sides, parts


def _brute_rf(depth_symbol=None, depth=None):
    def brute(values: dict) -> int:
        layers = int(values[depth_symbol.name] if depth_symbol is not None else depth)
        stack = [(values["k"], 1, values["d"])] * layers if layers else []
        return simulate.measured_receptive_field(stack)

    return brute


def _rsolve_closed_form():
    """Solve the stack recurrence with RF_0 = 1 (the recurrence taken from
    the per-layer formula, not from the report)."""
    increment = sp.simplify(rf_reference(i) - rf_reference(i - 1))
    return sp.rsolve(RF(i) - RF(i - 1) - increment, RF(i), {RF(0): 1})


def rf_recurrence(src: str = r"RF_i = RF_{i-1} + (k - 1) \times d") -> Claim:
    """The recurrence of the receptive field: each side after the first is judged with the true RF_{i-1}."""
    sides, parts = _rf_parts(src, i, {**_NAMES, "RF_i": RF(i), "RF_{i-1}": RF(i - 1)})
    return Claim(
        id="dilated.rf_recurrence",
        **place("Q2", "b"),
        source=src,
        statement=sp.Eq(*sides, evaluate=False),
        claimed=parts,
        reference=rf_reference(i),
        lhs="RF_i",
        domain={**KD, i: integers(1, 6)},
        brute=_brute_rf(i),
        derivation=(("stack recurrence, stride 1", sp.Eq(RF(i), RF(i - 1) + (k - 1) * d, evaluate=False)),),
        note=_STACK + " $RF_{i-1}$ on the right is the true receptive field of $i-1$ layers.",
        reread=rf_recurrence,
    )


def rf_base(src: str = r"RF_0 = 1") -> Claim:
    """The receptive field of no layer."""
    sides = parse_chain(src, {"RF_0": RF(0)}, words=["RF"])
    return Claim(
        id="dilated.rf_base",
        **place("Q2", "b"),
        source=src,
        statement=sp.Eq(*sides, evaluate=False),
        claimed=(("side 2", sides[1]),),
        reference=rf_reference(0),
        lhs="RF_0",
        brute=_brute_rf(depth=0),
        note="No layer: one input position sees itself.",
        reread=rf_base,
    )


LAYERS = {
    1: r"RF_1 = RF_0 + (k - 1) \times d = k + (k - 1)(d - 1) = 1 + d(k - 1)",
    2: r"RF_2 = RF_1 + (k - 1) \times d = 1 + 2d(k - 1)",
    3: r"RF_3 = RF_2 + (k - 1) \times d = 1 + 3d(k - 1)",
}


def rf_layer(depth: int, src: str | None = None) -> Claim:
    """The receptive field of ``depth`` layers (1 to 3), every side a claimed value."""
    src = LAYERS[depth] if src is None else src
    names = {**_NAMES, f"RF_{depth}": RF(depth), f"RF_{depth - 1}": RF(depth - 1)}
    sides, parts = _rf_parts(src, depth, names)
    return Claim(
        id=f"dilated.rf_layer{depth}",
        **place("Q2", "b"),
        source=src,
        statement=sides,
        claimed=parts,
        reference=rf_reference(depth),
        lhs=f"RF_{depth}",
        domain=dict(KD),
        brute=_brute_rf(depth=depth),
        note=_STACK,
        reread=partial(rf_layer, depth),
    )


def rf_closed_form(src: str = r"RF_i = 1 + id(k - 1)") -> Claim:
    """The receptive field of i layers in closed form; rsolve of the recurrence is an alternative route."""
    sides = parse_chain(src, {**_NAMES, "RF_i": RF(i)}, words=["RF"])
    return Claim(
        id="dilated.rf_closed_form",
        **place("Q2", "b"),
        source=src,
        statement=sp.Eq(*sides, evaluate=False),
        claimed=(("side 2", sides[1]),),
        reference=rf_reference(i),
        lhs="RF_i",
        domain={**KD, i: integers(0, 6)},
        alternatives=((r"SymPy's rsolve of the stack recurrence with $RF_0 = 1$", _rsolve_closed_form()),),
        brute=_brute_rf(i),
        derivation=(
            ("recurrence", sp.Eq(RF(i), RF(i - 1) + (k - 1) * d, evaluate=False)),
            ("rsolve with $RF_0 = 1$", sp.Eq(RF(i), _rsolve_closed_form(), evaluate=False)),
        ),
        note=_STACK,
        reread=rf_closed_form,
    )


def effective_kernel(src: str = r"1+d(k-1)") -> Claim:
    """The extent of one dilated kernel (a bare expression, or the last side of a chain)."""
    taps = sp.Symbol("t", integer=True, nonnegative=True)
    first, last = (taps * d).subs(taps, 0), (taps * d).subs(taps, k - 1)
    sides = parse_chain(src, _NAMES)
    claimed = (
        (("expression", sides[0]),) if len(sides) == 1 else tuple((f"side {n}", v) for n, v in enumerate(sides, 1))
    )
    return Claim(
        id="dilated.effective_kernel",
        **place("Q2", "c"),
        source=src,
        statement=sides[0] if len(sides) == 1 else sides,
        claimed=claimed,
        reference=last - first + 1,
        lhs=r"k_{\mathrm{eff}}",
        domain=dict(KD),
        brute=lambda v: simulate.measured_receptive_field([(v["k"], 1, v["d"])]),
        derivation=((r"taps at $t d$, $t = 0, \ldots, k-1$; extent: last minus first plus 1", last - first + 1),),
        note="The extent of a $k$-tap kernel whose taps are $d$ apart.",
        reread=effective_kernel,
    )


def output_size(src: str = r"\frac{N - (1 + d(k - 1)) + 2(0)}{1} + 1 = N - kd + d = N - d(k - 1)") -> Claim:
    """The output size of one dilated layer, stride 1, no padding: every side is a claimed value."""
    sides = parse_chain(src, _NAMES)
    return Claim(
        id="dilated.output_size",
        **place("Q2", "c"),
        source=src,
        statement=sides,
        claimed=tuple((f"side {n}", side) for n, side in enumerate(sides, start=1)),
        reference=conv_output_size(N, k, stride=1, padding=0, dilation=d),
        lhs="N_{out}",
        domain={**KD, N: integers(1, 64)},
        constraint=sp.Ge(N, d * (k - 1) + 1),
        brute=lambda v: simulate.measured_output_length(v["N"], v["k"], 1, 0, v["d"]),
        note="Padding 0 and stride 1, as the report assumes; $N$ must fit the dilated kernel.",
        reread=output_size,
    )


def output_shape(src: str = r"m \times (N - d(k - 1)) \times (N - d(k - 1))") -> Claim:
    """The output shape of m dilated filters over an N x N input, channels first."""
    shape = parse_shape(src, _NAMES)
    size = conv_output_size(N, k, dilation=d)
    return Claim(
        id="dilated.output_shape",
        **place("Q2", "c"),
        source=src,
        statement=shape,
        claimed=(("shape", shape),),
        reference=sp.Tuple(m, size, size),
        lhs=r"\text{shape}",
        domain={**KD, N: integers(1, 12), m: integers(1, 4)},
        constraint=sp.Ge(N, d * (k - 1) + 1),
        brute=lambda v: simulate.measured_output_shape(v["N"], 2, v["m"], v["k"], v["d"]),
        note=r"$m$ filters over an $N \times N$ input, channels first; padding 0, stride 1.",
        reread=output_shape,
    )
