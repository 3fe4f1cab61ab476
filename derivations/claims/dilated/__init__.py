"""Q2: dilated convolutions (receptive-field recurrence, output size).

Each claim holds the report's formula parsed from its own LaTeX, and a
reference derived independently: the receptive field of a stack from the
per-layer formula (``rf_reference`` of :mod:`convproof.derivations.lib.geometry`,
Araujo et al., Distill 2019), the recurrence solved by ``rsolve``, and real
NumPy convolutions from :mod:`convproof.derivations.lib.simulate` as brute force.
"""

from __future__ import annotations

import sympy as sp

from ..claim import Claim, integers, place
from ..latex.front import parse, parse_chain, parse_shape
from ..lib import simulate
from ..lib.geometry import conv_output_size, rf_reference
from ..lib.symbols import N, d, i, k, m, p, s

TOPIC = "dilated"
RF = sp.Function("RF")

_NAMES = {"k": k, "d": d, "i": i, "N": N, "m": m}
_KD = {k: integers(1, 7), d: integers(1, 5)}
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


def claims() -> tuple[Claim, ...]:
    """Every Q2 claim, built from the report's LaTeX."""
    out: list[Claim] = []

    src = r"RF_i = RF_{i-1} + (k - 1) \times d"
    sides, parts = _rf_parts(src, i, {**_NAMES, "RF_i": RF(i), "RF_{i-1}": RF(i - 1)})
    out.append(
        Claim(
            id="dilated.rf_recurrence",
            **place("Q2", "b"),
            source=src,
            statement=sp.Eq(*sides, evaluate=False),
            claimed=parts,
            reference=rf_reference(i),
            lhs="RF_i",
            domain={**_KD, i: integers(1, 6)},
            brute=_brute_rf(i),
            derivation=(("stack recurrence, stride 1", sp.Eq(RF(i), RF(i - 1) + (k - 1) * d, evaluate=False)),),
            note=_STACK + " $RF_{i-1}$ on the right is the true receptive field of $i-1$ layers.",
        )
    )

    src = r"RF_0 = 1"
    sides = parse_chain(src, {"RF_0": RF(0)}, words=["RF"])
    out.append(
        Claim(
            id="dilated.rf_base",
            **place("Q2", "b"),
            source=src,
            statement=sp.Eq(*sides, evaluate=False),
            claimed=(("side 2", sides[1]),),
            reference=rf_reference(0),
            lhs="RF_0",
            brute=_brute_rf(depth=0),
            note="No layer: one input position sees itself.",
        )
    )

    for depth, src in (
        (1, r"RF_1 = RF_0 + (k - 1) \times d = k + (k - 1)(d - 1) = 1 + d(k - 1)"),
        (2, r"RF_2 = RF_1 + (k - 1) \times d = 1 + 2d(k - 1)"),
        (3, r"RF_3 = RF_2 + (k - 1) \times d = 1 + 3d(k - 1)"),
    ):
        names = {**_NAMES, f"RF_{depth}": RF(depth), f"RF_{depth - 1}": RF(depth - 1)}
        sides, parts = _rf_parts(src, depth, names)
        out.append(
            Claim(
                id=f"dilated.rf_layer{depth}",
                **place("Q2", "b"),
                source=src,
                statement=sides,
                claimed=parts,
                reference=rf_reference(depth),
                lhs=f"RF_{depth}",
                domain=dict(_KD),
                brute=_brute_rf(depth=depth),
                note=_STACK,
            )
        )

    src = r"RF_i = 1 + id(k - 1)"
    sides = parse_chain(src, {**_NAMES, "RF_i": RF(i)}, words=["RF"])
    out.append(
        Claim(
            id="dilated.rf_closed_form",
            **place("Q2", "b"),
            source=src,
            statement=sp.Eq(*sides, evaluate=False),
            claimed=(("side 2", sides[1]),),
            reference=rf_reference(i),
            lhs="RF_i",
            domain={**_KD, i: integers(0, 6)},
            alternatives=((r"SymPy's rsolve of the stack recurrence with $RF_0 = 1$", _rsolve_closed_form()),),
            brute=_brute_rf(i),
            derivation=(
                ("recurrence", sp.Eq(RF(i), RF(i - 1) + (k - 1) * d, evaluate=False)),
                ("rsolve with $RF_0 = 1$", sp.Eq(RF(i), _rsolve_closed_form(), evaluate=False)),
            ),
            note=_STACK,
        )
    )

    src = r"1+d(k-1)"
    taps = sp.Symbol("t", integer=True, nonnegative=True)
    first, last = (taps * d).subs(taps, 0), (taps * d).subs(taps, k - 1)
    out.append(
        Claim(
            id="dilated.effective_kernel",
            **place("Q2", "c"),
            source=src,
            statement=parse(src, _NAMES),
            claimed=(("expression", parse(src, _NAMES)),),
            reference=last - first + 1,
            lhs=r"k_{\mathrm{eff}}",
            domain=dict(_KD),
            brute=lambda v: simulate.measured_receptive_field([(v["k"], 1, v["d"])]),
            derivation=((r"taps at $t d$, $t = 0, \ldots, k-1$; extent: last minus first plus 1", last - first + 1),),
            note="The extent of a $k$-tap kernel whose taps are $d$ apart.",
        )
    )

    src = r"\frac{N - (1 + d(k - 1)) + 2(0)}{1} + 1 = N - kd + d = N - d(k - 1)"
    sides = parse_chain(src, _NAMES)
    out.append(
        Claim(
            id="dilated.output_size",
            **place("Q2", "c"),
            source=src,
            statement=sides,
            claimed=tuple((f"side {n}", side) for n, side in enumerate(sides, start=1)),
            reference=conv_output_size(N, k, stride=1, padding=0, dilation=d),
            lhs="N_{out}",
            domain={**_KD, N: integers(1, 64)},
            constraint=sp.Ge(N, d * (k - 1) + 1),
            brute=lambda v: simulate.measured_output_length(v["N"], v["k"], 1, 0, v["d"]),
            note="Padding 0 and stride 1, as the report assumes; $N$ must fit the dilated kernel.",
        )
    )

    src = r"m \times (N - d(k - 1)) \times (N - d(k - 1))"
    shape = parse_shape(src, _NAMES)
    size = conv_output_size(N, k, dilation=d)
    out.append(
        Claim(
            id="dilated.output_shape",
            **place("Q2", "c"),
            source=src,
            statement=shape,
            claimed=(("shape", shape),),
            reference=sp.Tuple(m, size, size),
            lhs=r"\text{shape}",
            domain={**_KD, N: integers(1, 12), m: integers(1, 4)},
            constraint=sp.Ge(N, d * (k - 1) + 1),
            brute=lambda v: simulate.measured_output_shape(v["N"], 2, v["m"], v["k"], v["d"]),
            note=r"$m$ filters over an $N \times N$ input, channels first; padding 0, stride 1.",
        )
    )

    general = sp.floor((N + 2 * p - d * (k - 1) - 1) / s) + 1
    last_start = sp.floor((N + 2 * p - (d * (k - 1) + 1)) / s)
    out.append(
        Claim(
            id="dilated.output_size_general",
            **place("Q2", "c", "generalised"),
            source=None,
            extension=True,
            statement=general,
            claimed=(("formula", general),),
            reference=last_start + 1,
            lhs="N_{out}",
            domain={**_KD, N: integers(1, 40), s: integers(1, 4), p: integers(0, 4)},
            constraint=sp.Ge(N + 2 * p, d * (k - 1) + 1),
            brute=lambda v: simulate.measured_output_length(v["N"], v["k"], v["s"], v["p"], v["d"]),
            derivation=((r"window starts $t = 0, s, 2s, \ldots$ while $t + d(k-1) \le N + 2p - 1$", last_start + 1),),
            note="Output size with stride $s$ and padding $p$: the number of window positions.",
        )
    )

    out.extend(_stack_claims())
    out.extend(_prose_claims())
    return tuple(out)


def _stack_claims() -> list[Claim]:
    depth = 3
    ks = sp.symbols(f"k_1:{depth + 1}", integer=True, positive=True)
    ss = sp.symbols(f"s_1:{depth + 1}", integer=True, positive=True)
    ds = sp.symbols(f"d_1:{depth + 1}", integer=True, positive=True)
    formula = 1 + sum((ks[l] - 1) * ds[l] * sp.prod(ss[:l]) for l in range(depth))
    # Independent route: unroll the per-layer recurrence r_l = r_{l-1} + (k_l - 1) d_l J_{l-1}, J_l = J_{l-1} s_l.
    rf, jump = sp.Integer(1), sp.Integer(1)
    for l in range(depth):
        rf, jump = rf + (ks[l] - 1) * ds[l] * jump, jump * ss[l]
    domain = {}
    for l in range(depth):
        domain.update({ks[l]: integers(1, 5), ss[l]: integers(1, 3), ds[l]: integers(1, 3)})

    def layers(v):
        return [(v[f"k_{l}"], v[f"s_{l}"], v[f"d_{l}"]) for l in range(1, depth + 1)]

    return [
        Claim(
            id="dilated.stack_receptive_field",
            **place("Q2", "b", "generalised"),
            source=None,
            extension=True,
            statement=formula,
            claimed=(("formula", formula),),
            reference=rf,
            lhs="r_3",
            domain=domain,
            brute=lambda v: simulate.measured_receptive_field(layers(v)),
            note="Three layers with their own kernel $k_l$, stride $s_l$ and dilation $d_l$ (Araujo et al., Distill 2019).",
        ),
        Claim(
            id="dilated.stack_effective_stride",
            **place("Q2", "b", "generalised"),
            source=None,
            extension=True,
            statement=sp.prod(ss),
            claimed=(("formula", sp.prod(ss)),),
            reference=jump,
            lhs="J_3",
            domain=domain,
            brute=lambda v: simulate.measured_jump(layers(v)),
            note="Distance in input positions between neighbouring outputs of the stack.",
        ),
    ]


def _prose_claims() -> list[Claim]:
    sentences = (
        (
            "dilated.prose_field_of_view",
            "با استفاده از dilated convolution، میدان دید افزایش مییابد.",
            "Dilated convolution enlarges the field of view.",
        ),
        (
            "dilated.prose_no_pooling",
            "در صورت وجود کانولوشنهای گسترش یافته دیگر نیازی به استفاده از انواع pooling نخواهد بود.",
            "With dilated convolutions no pooling of any kind is needed any more.",
        ),
        ("dilated.prose_resolution", "همچنین رزولوشن حفظ خواهد شد.", "The resolution is preserved."),
        ("dilated.prose_memory", "ممکن است مصرف زیاد حافظه داشته باشیم.", "Memory use may be high."),
    )
    return [
        Claim(
            id=cid,
            **place("Q2", "a"),
            source=text,
            prose=summary,
            note="Qualitative: a design argument, not a formula.",
        )
        for cid, text, summary in sentences
    ]
