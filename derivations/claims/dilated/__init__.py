"""Q2: dilated convolutions (receptive-field recurrence, output size).

Each claim holds the report's formula parsed from its own LaTeX, and a
reference derived independently: the receptive field of a stack from the
per-layer formula (``rf_reference`` of :mod:`convproof.derivations.lib.geometry`,
Araujo et al., Distill 2019), the recurrence solved by ``rsolve``, and real
NumPy convolutions from :mod:`convproof.derivations.lib.simulate` as brute force.
"""

from __future__ import annotations

import sympy as sp

from ...claim import Claim, integers, place
from ...lib import simulate
from ...lib.symbols import N, d, k, p, s
from .formulas import (
    KD,
    LAYERS,
    effective_kernel,
    output_shape,
    output_size,
    rf_base,
    rf_closed_form,
    rf_layer,
    rf_recurrence,
)

TOPIC = "dilated"


def claims() -> tuple[Claim, ...]:
    """Every Q2 claim, built from the report's LaTeX."""
    out: list[Claim] = [
        rf_recurrence(),
        rf_base(),
        *(rf_layer(depth) for depth in LAYERS),
        rf_closed_form(),
        effective_kernel(),
        output_size(),
        output_shape(),
    ]

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
            domain={**KD, N: integers(1, 40), s: integers(1, 4), p: integers(0, 4)},
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
