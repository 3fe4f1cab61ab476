"""Q1(c): Dropout, Dropout2D and Dropout3D.

The report's claims are about which unit a dropout layer zeroes: single
cells (ordinary dropout), whole feature maps (Dropout2D), all the data of a
channel (Dropout3D). Each claim states that unit as the tuple of axes one
random draw covers; the checks of :mod:`convproof.derivations.claims.dropout.hooks` draw
from the NumPy reference (:mod:`convproof.derivations.lib.dropout`, inverted scaling
1/(1 - p)) and from PyTorch's layers, measure the unit and the rate, and
compare. Layouts are PyTorch's, channels first: (N, C, H, W), (N, C, D, H, W).
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp
from sympy.stats import Bernoulli, E

from ...claim import Claim, reals
from ...latex.front import parse_shape
from ...lib.dropout import channel_dropout, shared_axes
from .hooks import Layer, expectation_check, oracle_check, rate_check, unit_check
from .scaling import scaling_claim

TOPIC = "dropout"

AXES = {name: sp.Symbol(name, integer=True, positive=True) for name in ("N", "C", "D", "H", "W")}
ELEMENT_2D = Layer("Dropout", ("N", "C", "H", "W"), channelwise=False)
DROPOUT_2D = Layer("Dropout2d", ("N", "C", "H", "W"), channelwise=True)
ELEMENT_3D = Layer("Dropout", ("N", "C", "D", "H", "W"), channelwise=False)
DROPOUT_3D = Layer("Dropout3d", ("N", "C", "D", "H", "W"), channelwise=True)

# The report's example, in its own order "(width, height, depth, and channels)"; N counts
# independent draws of that one sample, so the unit can be measured. With 3 channels, p = 1/2
# and 12 draws, an independent channel axis looks shared with probability 0.25**12 < 1e-7.
EXAMPLE_SOURCE = r"32 \times 32 \times 32 \times 3"
REPORT_AXES = ("W", "H", "D", "C")
EXAMPLE_SHAPE = parse_shape(EXAMPLE_SOURCE, {})
EXAMPLE_DRAWS = 12
EXAMPLE_3D = Layer(
    "Dropout3d",
    ("N", *REPORT_AXES),
    channelwise=True,
    sizes={"N": EXAMPLE_DRAWS, **{axis: int(n) for axis, n in zip(REPORT_AXES, EXAMPLE_SHAPE, strict=True)}},
    rate=Fraction(1, 2),
)

_SCALING = (
    "Kept values are divided by $1 - p$ (inverted dropout, as PyTorch and Keras do), so zero means dropped and "
    "every kept value must equal $x/(1-p)$."
)


def _unit(*names: str) -> sp.Tuple:
    return sp.Tuple(*(AXES[name] for name in names))


def _unit_claim(cid: str, source: str, layer: Layer, unit: tuple[str, ...], note: str) -> Claim:
    return Claim(
        id=cid,
        where="Q1(c)",
        source=source,
        statement=_unit(*unit),
        checks=(("sampled", unit_check(layer, unit)), ("sampled", rate_check(layer, unit))),
        oracle=oracle_check((layer,), (unit,)),
        note=f"{note} Statement: the axes one random draw covers, layout $({', '.join(layer.layout)})$. {_SCALING}",
    )


def measured_example_units() -> sp.Tuple:
    """Brute force on the report's example: (units per sample, elements per unit) of channel dropout.

    Runs :func:`channel_dropout` on draws of a (width, height, depth, channels)
    sample and counts from the mask alone.

    >>> measured_example_units()
    (3, 32768)
    """
    shape = (EXAMPLE_DRAWS, *(int(n) for n in EXAMPLE_SHAPE))
    y = channel_dropout(np.ones(shape), 0.5, np.random.default_rng(0), channel_axis=-1, batch_axis=0)
    shared = shared_axes(y != 0)
    per_unit = int(np.prod([shape[axis] for axis in shared]))
    return sp.Tuple(int(np.prod(shape[1:])) // per_unit, per_unit)


def _unpermuted_in_torch(torch: Any) -> str:
    """What PyTorch's Dropout3d does with the report's array as it stands (no permutation)."""
    torch.manual_seed(0)  # inside the oracle hook, whose random state torch_hook forks
    kept = torch.nn.Dropout3d(0.5)(torch.ones(*(int(n) for n in EXAMPLE_SHAPE), dtype=torch.float64)) != 0
    shared = shared_axes(kept.numpy())
    per_unit = int(np.prod([int(EXAMPLE_SHAPE[axis]) for axis in shared]))
    return (
        "fed without permuting, PyTorch reads the $(W, H, D, C)$ array as one $(C, D, H, W)$ volume and zeroes "
        f"{int(np.prod([int(n) for n in EXAMPLE_SHAPE])) // per_unit} units of {per_unit} elements"
    )


def _example_claims() -> list[Claim]:
    sizes = dict(zip(REPORT_AXES, EXAMPLE_SHAPE, strict=True))
    claimed = sp.Tuple(sizes["C"], sizes["W"] * sizes["H"] * sizes["D"])
    # PyTorch's order: one sample (N = 1), channels, then depth, height, width.
    torch_shape = sp.Tuple(1, sizes["C"], sizes["D"], sizes["H"], sizes["W"])
    reference = sp.Tuple(torch_shape[1], sp.Mul(*torch_shape[2:]))
    unit = ("W", "H", "D")
    layout_note = (
        "The report orders the example (width, height, depth, channels), channels last; PyTorch's Dropout3d "
        "wants $(N, C, D, H, W)$, so the sample is permuted to $(1, 3, 32, 32, 32)$ for the oracle."
    )
    return [
        Claim(
            id="dropout.example_3d_shape",
            where="Q1(c)",
            source=EXAMPLE_SOURCE,
            statement=EXAMPLE_SHAPE,
            claimed=(("(channels, elements per channel)", claimed),),
            reference=reference,
            lhs=r"(\text{units per sample}, \text{elements per unit})",
            brute=lambda _values: measured_example_units(),
            oracle=oracle_check((EXAMPLE_3D,), (unit,), extra=_unpermuted_in_torch),
            derivation=(("PyTorch layout $(N, C, D, H, W)$ of the sample", torch_shape),),
            note=(
                r"Dropout3D on the report's $32 \times 32 \times 32 \times 3$ sample: 3 units (channels) of "
                rf"$32 \times 32 \times 32$ elements each. {layout_note}"
            ),
        ),
        Claim(
            id="dropout.example_some_channels",
            where="Q1(c)",
            source="یعنی در مثال بالا که سه کانال داریم، با توجه به نرخ دراپاوت، تعدادی از آنها صفر میشوند",
            statement=_unit(*unit),
            checks=(("sampled", unit_check(EXAMPLE_3D, unit)), ("sampled", rate_check(EXAMPLE_3D, unit))),
            note=(
                "Of the example's three channels, each is zeroed whole with probability $p$: the number zeroed "
                rf"over {EXAMPLE_DRAWS} draws of the sample is $\operatorname{{Binomial}}(3 \times {EXAMPLE_DRAWS}, p)$. "
                f"{layout_note}"
            ),
        ),
    ]


def _expectation_claim() -> Claim:
    x, p = sp.Symbol("x", real=True), sp.Symbol("p", nonnegative=True)
    kept = Bernoulli("m", 1 - p)
    expectation = sp.simplify(E(x * kept / (1 - p)))
    return Claim(
        id="dropout.inverted_scaling_expectation",
        where="Q1(c), generalised",
        source=None,
        extension=True,
        statement=sp.Eq(sp.Symbol(r"\mathbb{E}[y]"), x, evaluate=False),
        claimed=(("$E[y]$", x),),
        reference=expectation,
        lhs=r"\mathbb{E}[y]",
        domain={x: reals(-5, 5), p: reals(0, 0.95)},
        checks=(("sampled", expectation_check(DROPOUT_2D)), ("sampled", expectation_check(DROPOUT_3D))),
        oracle=expectation_check(DROPOUT_2D, use_torch=True),
        derivation=(
            (
                r"$y = x m / (1 - p)$, $m \sim \operatorname{Bernoulli}(1 - p)$",
                sp.Eq(sp.Symbol(r"\mathbb{E}[y]"), expectation, evaluate=False),
            ),
        ),
        note="With inverted scaling $1/(1 - p)$, dropout (element- or channel-wise) keeps every expectation: $E[y] = x$.",
        reread=scaling_claim,  # another report's formula of dropout's output: the same quantity
    )


def claims() -> tuple[Claim, ...]:
    """Every Q1(c) claim."""
    out = [
        _unit_claim(
            "dropout.element_cells",
            "عادی به طور کلی از هر فیچرکمپ تعدادی خانه به طور رندوم انتخاب و صفر میکند",
            ELEMENT_2D,
            (),
            "Ordinary dropout zeroes single cells of each feature map at random (the sentence omits the word "
            "'dropout' before 'ordinary').",
        ),
        _unit_claim(
            "dropout.dropout2d_feature_maps",
            "اما DropOut2D به طور رندوم تعدادی فیچرکمپ انتخاب و همه خانههای آنها را صفر میکند",
            DROPOUT_2D,
            ("H", "W"),
            r"Dropout2D zeroes whole feature maps: one draw per (sample, channel) covers its $H \times W$ cells.",
        ),
        _unit_claim(
            "dropout.element_voxels",
            "Dropout عادی به طور رندوم تعدادی voxel (volume element) را صفر میکند که میتواند از هر یک از کانالها یا عمقها باشند",
            ELEMENT_3D,
            (),
            "Ordinary dropout on a volume zeroes single voxels, from any channel or depth.",
        ),
        _unit_claim(
            "dropout.dropout3d_channels",
            "اما DropOut3D تمام دادههای یک کانال را صفر میکند",
            DROPOUT_3D,
            ("D", "H", "W"),
            r"Dropout3D zeroes all the data of a channel: one draw per (sample, channel) covers its "
            r"$D \times H \times W$ voxels.",
        ),
    ]
    both = ((DROPOUT_2D, ("H", "W")), (DROPOUT_3D, ("D", "H", "W")))
    out.append(
        Claim(
            id="dropout.both_drop_channels",
            where="Q1(c)",
            source="به طور کلی این دو دراپاوت، چنلها را خاموش میکنند و صفر میگذارند",
            statement=sp.Tuple(*(_unit(*unit) for _, unit in both)),
            checks=tuple(("sampled", unit_check(layer, unit)) for layer, unit in both),
            oracle=oracle_check(tuple(layer for layer, _ in both), tuple(unit for _, unit in both)),
            note=f"Dropout2D and Dropout3D both switch off whole channels. {_SCALING}",
        )
    )
    out.extend(_example_claims())
    out.append(_expectation_claim())
    out.extend(_prose_claims())
    return tuple(replace(claim, question="Q1", part="c") for claim in out)


def _prose_claims() -> list[Claim]:
    sentences = (
        (
            "dropout.prose_dropout2d_use",
            "این نوع dropout در لایههای کانولوشنی دوبعدی و بیشتر در **image processing** استفاده میشود",
            "Dropout2D is used in 2D convolutional layers, mostly in image processing.",
        ),
        (
            "dropout.prose_on_feature_maps",
            "dropout در CNNها بر روی feature map و یا همان activation map اعمال میشود",
            "In CNNs dropout acts on the feature (activation) maps.",
        ),
        (
            "dropout.prose_spatial_rationale",
            "از آنجایی که لایههای کانولوشنی میتوانند تاثیر موقعیت مکانی در تصاویر را ببینند، بهتر است دراپاوت آنها نیز همینطور باشد",
            "Since convolutions see spatial position, their dropout should be spatial too.",
        ),
        (
            "dropout.prose_neighbours_leak",
            "از طرفی اگر بخواهیم فقط یک خانه را خاموش کنیم، همچنان خانههای اطراف، اگر رابطه مکانی با خانه مدنظر داشته باشند، تاثیر خود را میگذارند و احتمال overfit را افزایش میدهند",
            "Dropping one cell leaves its correlated neighbours active, which still carry its information "
            "(the argument of Tompson et al., 2015).",
        ),
        (
            "dropout.prose_dropout3d_use",
            "این نوع dropout برای دادههایی نظیر ویدیوها یا تصاویر پزشکی (volumetric data) کاربرد دارد",
            "Dropout3D is used for volumetric data such as videos and medical images.",
        ),
    )
    return [Claim(id=cid, where="Q1(c)", source=text, prose=summary) for cid, text, summary in sentences]
