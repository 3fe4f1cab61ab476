"""The kinds of layer the notation knows, and :class:`Layer`, one parsed layer with its settings.

A window setting (kernel, stride, padding, dilation) is a tuple with one value
for every axis, or one value for all of them; :meth:`Layer.axes` spreads it over
the rank of the input (1-D, 2-D or 3-D), known only when the table is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BadInputError

__all__ = ["ACTIVATIONS", "NAMES", "NOTATION", "Layer", "build_layer", "pointed"]

NOTATION = (
    "CONVk-f, CONVk-f(s,p,d), CONVkxj-f, CONVk-f/g, DWCONVk, TCONVk-f(s,p,op,d), POOL-k(s,p), MAXPOOL-k, "
    "AVGPOOL-k(s,p,ceil), GAP, DROPOUT(p), SOFTMAX, BATCHNORM, FLATTEN, FC-n, RES[main | shortcut] "
    "or an activation (RELU, GELU, SIGMOID, TANH, ...)"
)
NAMES = {
    "CONV": "conv",
    "DWCONV": "dwconv",
    "TCONV": "tconv",
    "DECONV": "tconv",
    "POOL": "pool",
    "MAXPOOL": "pool",
    "AVGPOOL": "avgpool",
    "GAP": "gap",
    "DROPOUT": "dropout",
    "SOFTMAX": "softmax",
    "BATCHNORM": "batchnorm",
    "BN": "batchnorm",
    "FLATTEN": "flatten",
    "FC": "dense",
    "DENSE": "dense",
    "LINEAR": "dense",
}
# activation name -> kind; PReLU holds one trainable slope (PyTorch's default)
ACTIVATIONS = {
    name: name.lower()
    for name in (
        "RELU LEAKYRELU ELU SELU CELU GELU SIGMOID TANH SILU SWISH MISH HARDSWISH HARDSIGMOID "
        "HARDTANH SOFTPLUS SOFTSIGN LOGSIGMOID PRELU"
    ).split()
}
WINDOWED = ("conv", "dwconv", "tconv", "pool", "avgpool")
_SLOTS = {
    "conv": ("stride", "padding", "dilation"),
    "dwconv": ("stride", "padding", "dilation"),
    "tconv": ("stride", "padding", "output padding", "dilation"),
    "pool": ("stride", "padding"),
    "avgpool": ("stride", "padding"),
    "dropout": ("rate",),
}
_WORDS = {
    "conv": {"same", "valid", "nobias"},
    "dwconv": {"same", "valid", "nobias"},
    "tconv": {"nobias"},
    "pool": {"same", "valid", "ceil"},
    "avgpool": {"same", "valid", "ceil"},
    "dense": {"nobias"},
}
_MINIMUM = {"stride": 1, "padding": 0, "dilation": 1, "output padding": 0}
_EXAMPLE = {
    "conv": "CONV3-8(2,1)",
    "dwconv": "DWCONV3(2,1)",
    "tconv": "TCONV2-8(2,0)",
    "pool": "POOL-3(2,1,ceil)",
    "avgpool": "AVGPOOL-2(2,0)",
    "dropout": "DROPOUT(0.5)",
    "dense": "FC-10(nobias)",
}


def pointed(spec: str, at: int) -> str:
    """The spec with a caret put in front of the character ``at``: where an error is.

    >>> pointed("CONV3-8 FOO FC-10", 8)
    'CONV3-8 ^FOO FC-10'
    """
    return f"{spec[:at]}^{spec[at:]}"


@dataclass(frozen=True)
class Layer:
    """One layer of a spec: its kind, the text as written, its 1-based position and settings.

    ``kernel``/``stride``/``padding`` are a window's first-axis values (the
    report's square layers have one); ``kernels``, ``strides``, ``paddings``,
    ``dilations`` and ``output_paddings`` hold one value per axis or one for all.
    ``units`` is a convolution's number of filters or a dense layer's outputs.
    ``same`` pads as TensorFlow's "same" (output ceil(n/s)); ``ceil`` rounds a
    pool's output up as PyTorch's ``ceil_mode``. A residual block (kind
    ``res``) holds its ``main`` path and its ``shortcut`` (empty: identity).
    """

    kind: str
    text: str
    position: int
    kernel: int = 1
    stride: int = 1
    padding: int = 0
    units: int = 0
    kernels: tuple = ()
    strides: tuple = (1,)
    paddings: tuple = (0,)
    dilations: tuple = (1,)
    output_paddings: tuple = (0,)
    groups: int = 1
    bias: bool = True
    same: bool = False
    ceil: bool = False
    rate: float = 0.0
    column: int = 0
    main: tuple = ()
    shortcut: tuple = ()

    def __post_init__(self) -> None:
        # a Layer built by hand is checked as a parsed one is: sizes are whole numbers in range
        least = {"position": 1, "kernel": 1, "stride": 1, "padding": 0, "units": 0, "groups": 1}
        single = {name: getattr(self, name) for name in least}
        per_axis = {"kernels": 1, "strides": 1, "paddings": 0, "dilations": 1, "output_paddings": 0}
        values = [(name, v, least[name]) for name, v in single.items()]
        values += [(name, v, low) for name, low in per_axis.items() for v in getattr(self, name)]
        for name, value, low in values:
            if (
                isinstance(value, bool)
                or (not isinstance(value, int) and not hasattr(value, "__index__"))
                or value < low
            ):
                raise BadInputError(f"layer {self.text!r}: {name} must be a whole number >= {low}, not {value!r}")
        if self.kind in ("conv", "tconv", "dense") and self.units < 1:
            raise BadInputError(f"layer {self.text!r}: a {self.kind} layer needs units >= 1 (filters or outputs)")
        if not 0 <= self.rate <= 1:
            raise BadInputError(f"layer {self.text!r}: a dropout rate is in [0, 1], not {self.rate!r}")

    @property
    def where(self) -> str:
        """How error messages name the layer: ``layer 5 ('CONV5-16(3,2)')``."""
        return f"layer {self.position} ({self.text!r})"

    @property
    def dilation(self) -> int:
        """The dilation of the first axis."""
        return self.dilations[0]

    def axes(self, rank: int) -> tuple[tuple[int, int, int, int, int], ...]:
        """(kernel, stride, padding, dilation, output padding) per axis for an input of ``rank`` axes.

        >>> Layer("conv", "CONV3x5-8", 1, units=8, kernels=(3, 5), paddings=(1, 2)).axes(2)
        ((3, 1, 1, 1, 0), (5, 1, 2, 1, 0))
        """
        settings = (self.kernels, self.strides, self.paddings, self.dilations, self.output_paddings)
        if all(len(v) == 1 for v in settings):  # the common case first: a deep stack asks for every layer
            return (tuple(v[0] for v in settings),) * rank
        for name, values in zip(("kernel", "stride", "padding", "dilation", "output padding"), settings, strict=True):
            if len(values) not in (1, rank):
                raise BadInputError(
                    f"{self.where}: its {name} has {len(values)} sizes but the input has {rank} spatial axes; "
                    f"give one size for every axis or one for all"
                )
        return tuple(tuple(v[0] if len(v) == 1 else v[a] for v in settings) for a in range(rank))


def _sizes(text: str, name: str, minimum: int) -> tuple[int, ...]:
    values = tuple(int(v) for v in re.split(r"[x×]", text, flags=re.IGNORECASE))
    if any(v < minimum for v in values):
        raise BadInputError(f"{name} must be >= {minimum} (stride >= 1, padding >= 0, dilation >= 1), got {text}")
    return values


def _settings(kind: str, args: str | None) -> dict:
    """The bracketed settings of a layer: positional numbers by slot, then words (same, valid, ceil, nobias)."""
    out: dict = {}
    if args is None:
        return out
    slots, words = _SLOTS.get(kind, ()), _WORDS.get(kind, set())
    if not slots and not words:
        raise BadInputError("this layer takes no settings in brackets")
    slot = 0
    for raw in (v.strip() for v in args.split(",")):
        word = raw.lower()
        if word in words:
            out[word] = True
            if word in ("same", "valid") and slot < 2:
                slot = 2  # a padding word takes the padding slot (stride keeps its default)
            continue
        if slot >= len(slots):
            allowed = ", ".join(slots) + (f"; words: {', '.join(sorted(words))}" if words else "")
            raise BadInputError(f"too many settings {args!r}: this layer takes {allowed}; e.g. {_EXAMPLE[kind]}")
        name = slots[slot]
        if name == "rate":
            if not re.fullmatch(r"\d*\.?\d+(?:e-?\d+)?", raw) or not 0 <= float(raw) <= 1:
                raise BadInputError(f"the dropout rate must be a number in [0, 1], got {raw!r}; e.g. DROPOUT(0.5)")
            out[name] = float(raw)
        elif re.fullmatch(r"-?\d+(?:[x×]-?\d+)*", raw, flags=re.IGNORECASE):
            out[name] = _sizes(raw, name, _MINIMUM[name])
        else:
            raise BadInputError(
                f"cannot read setting {raw!r}: write integers for {', '.join(slots)} "
                f"(one per axis as 1x2 if they differ){' or one of ' + ', '.join(sorted(words)) if words else ''}"
            )
        slot += 1
    return out


def _padding(kernels, dilations, where_example: str) -> tuple[int, ...]:
    spans = [d * (k - 1) for k in kernels for d in dilations]
    if any(span % 2 for span in spans):
        raise BadInputError(
            f"an even kernel has no 'same' padding (k-1)/2; give stride and padding, e.g. {where_example}(1,0)"
        )
    if len(kernels) == 1 or len(dilations) == 1:
        return tuple(d * (k - 1) // 2 for k in kernels for d in dilations)
    return tuple(d * (k - 1) // 2 for k, d in zip(kernels, dilations, strict=True))


def build_layer(match: re.Match, position: int, column: int) -> Layer:
    """The layer of one token of the notation (a match of the parser's token pattern)."""
    text, name = match.group(0), match.group("name").upper()
    a, b, g, args = match.group("a"), match.group("b"), match.group("g"), match.group("args")
    kind = NAMES.get(name) or ACTIVATIONS[name]
    if kind == "relu" and a == "6" and b is None:
        kind, a = "relu6", None
    windowed = kind in WINDOWED
    needs = {"conv": (True, True), "tconv": (True, True), "dense": (True, False)}.get(kind, (windowed, False))
    multi = a is not None and re.search(r"[x×]", a, flags=re.IGNORECASE) is not None
    if (a is not None) != needs[0] or (b is not None) != needs[1] or (multi and not windowed):
        raise BadInputError(f"cannot read it as {kind}; write one of {NOTATION}")
    if g is not None and kind not in ("conv", "tconv"):
        raise BadInputError(f"only CONV and TCONV take groups (/g); write e.g. CONV3-8/2, not {text!r}")
    common = {"column": column}
    if not windowed:
        settings = _settings(kind, args)
        if kind == "dense":
            units = int(a)
            if units < 1:
                raise BadInputError(f"sizes must be integers >= 1, got {units}")
            return Layer(kind, text, position, units=units, bias=not settings.get("nobias"), **common)
        if kind == "dropout":
            return Layer(kind, text, position, rate=settings.get("rate", 0.5), **common)
        return Layer(kind, text, position, **common)
    numbers = [int(v) for v in re.split(r"[x×]", a, flags=re.IGNORECASE)] + ([int(b)] if b else [])
    if any(v < 1 for v in numbers):
        raise BadInputError(f"sizes must be integers >= 1, got {', '.join(map(str, numbers))}")
    kernels = tuple(numbers[: len(numbers) - (b is not None)])
    units, groups = (int(b) if b else 0), (int(g) if g else 1)
    if groups < 1 or (units and units % groups):
        raise BadInputError(f"groups must divide the {units} filters, got {groups}; e.g. CONV3-{groups * 4}/{groups}")
    settings = _settings(kind, args)
    strides = settings.get("stride", (1,) if kind in ("conv", "dwconv", "tconv") else kernels)
    dilations = settings.get("dilation", (1,))
    if settings.get("same") or settings.get("valid"):
        if "padding" in settings:
            raise BadInputError("give the padding as a number or as same/valid, not both")
        paddings = (0,)
    elif "padding" in settings:
        paddings = settings["padding"]
    elif kind in ("conv", "dwconv"):
        paddings = _padding(kernels, dilations, text.split("(")[0])
    else:
        paddings = (0,)
    if kind in ("pool", "avgpool"):
        for kernel, pad in zip(kernels * len(paddings), paddings * len(kernels), strict=True):
            if pad > kernel // 2:
                raise BadInputError(
                    f"pool padding {pad} is more than half the kernel {kernel}; PyTorch allows at most {kernel // 2}"
                )
        if settings.get("same") and settings.get("ceil"):
            raise BadInputError("'same' padding already rounds up; drop 'ceil'")
    output_paddings = settings.get("output padding", (0,))
    for op, stride, dilation in zip(output_paddings * 3, strides * 3, dilations * 3, strict=False):
        if op >= max(stride, dilation):
            raise BadInputError(f"output padding {op} must be smaller than the stride or the dilation (PyTorch's rule)")
    return Layer(
        kind,
        text,
        position,
        kernel=kernels[0],
        stride=strides[0],
        padding=paddings[0],
        units=units,
        kernels=kernels,
        strides=strides,
        paddings=paddings,
        dilations=dilations,
        output_paddings=output_paddings,
        groups=groups,
        bias=not settings.get("nobias"),
        same=bool(settings.get("same")),
        ceil=bool(settings.get("ceil")),
        **common,
    )
