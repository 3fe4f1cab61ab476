"""How answers name each quantity of the homework: left-hand side patterns, words, a short title.

Data only, read by :mod:`convproof.derivations.claims.homework`. Left-hand side patterns are
matched in full (``re.fullmatch``, case-insensitive) against a formula's left-hand side with its
spaces, ``\\left``/``\\right`` and thin spaces removed. Words are lowercase whole words (English and
Persian) that, near a formula, point to the quantity. Q3's table cells are listed by
:func:`convproof.derivations.claims.homework.quantities` from the table itself.
"""

from __future__ import annotations

__all__ = ["NAMED", "derivative", "named", "sub"]

_WRAP = r"(?:\\(?:mathrm|text|operatorname|textrm|mathit|rm)\{)?"


def sub(base: str, index: str) -> str:
    """A subscripted name, braces optional: ``sub("RF", "i")`` matches ``RF_i`` and ``RF_{i}``.

    >>> import re; bool(re.fullmatch(sub("RF", "i"), "RF_{i}"))
    True
    """
    return rf"{base}_\{{?{index}\}}?" if index else base


def derivative(of: str, wrt: str, index: str = "", of_index: str = "") -> str:
    """d(of)/d(wrt) as a fraction, a slash or a nabla; ``L`` may be left out of the numerator.

    >>> import re; pattern = derivative("L", "k", "1")
    >>> [bool(re.fullmatch(pattern, t)) for t in (r"\\frac{\\partialL}{\\partialk_1}", r"\\frac{dL}{dk_{1}}", "dL/dk_1")]
    [True, True, True]
    """
    top = rf"(?:{sub(of, of_index)})?" if of == "L" else sub(of, of_index)
    bottom, d = sub(wrt, index), r"(?:\\partial|d|\\mathrm\{d\})"
    return rf"(?:\\frac\{{{d}{top}\}}\{{{d}{bottom}\}}|{d}{top}/{d}{bottom}|\\nabla_\{{?{bottom}\}}?L)"


def named(*names: str) -> str:
    """An activation by name, applied to one variable: ``ReLU(x)``, ``\\mathrm{ReLU}(z)``, ``\\text{GELU}(t)``.

    Its argument is read as the homework's ``x`` (:mod:`convproof.derivations.claims.renaming`).
    """
    return rf"{_WRAP}(?:{'|'.join(names)})\}}?\((?:[A-Za-z]|x_\{{?i\}}?)\)"


_FX = r"(?:f|g|\\sigma|\\phi|\\varphi)\([a-z]\)"
_Y = r"y"


def _act(title: str, names: tuple[str, ...], words: tuple[str, ...], fx: bool = True, y: bool = False) -> tuple:
    lhs = ((_FX,) if fx else ()) + ((_Y,) if y else ()) + (named(*names),)
    return title, lhs, words


_CHART = ("chart", "نمودار")
_NRMSE = r"(?:\\(?:text|mathrm|operatorname|mathit)\{)?NRMSE\}?(?:_\{?[\w\\ ]+\}?)?"

# id -> (title, left-hand side patterns, words)
NAMED: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # Q1(a)
    "metrics.mse": ("mean squared error", (rf"{_WRAP}MSE\}}?",), ("mse", "mean squared error", "میانگین مربعات")),
    "metrics.rmse": ("root mean squared error", (rf"{_WRAP}RMSE\}}?",), ("rmse", "root mean", "جذر")),
    "metrics.iqr": ("interquartile range", (rf"{_WRAP}IQR\}}?",), ("iqr", "interquartile", "چارک", "چارکی")),
    "metrics.rrmse": (
        "relative root mean squared error",
        (rf"{_WRAP}RRMSE\}}?",),
        ("rrmse", "relative", "نسبی"),
    ),
    # Q1(b), the text
    "activations.relu": _act("ReLU", ("ReLU",), ("relu", "rectified")),
    "activations.prelu": _act("PReLU", ("PReLU",), ("prelu", "parametric")),
    "activations.rrelu": _act("RReLU", ("RReLU",), ("rrelu", "randomized", "random")),
    "activations.leaky_relu": _act("LeakyReLU", (r"Leaky\\?_?ReLU", "LReLU"), ("leaky", "leakyrelu")),
    "activations.leaky_relu_slope": ("LeakyReLU's default slope", (r"\\alpha", "negative_slope"), ("leaky", "slope")),
    "activations.elu": _act("ELU", ("ELU",), ("elu", "exponential linear")),
    "activations.selu": _act("SELU", ("SELU",), ("selu", "scaled")),
    "activations.gelu_definition": _act("GELU, x Phi(x)", ("GELU",), ("gelu", "cdf", "gaussian")),
    "activations.gelu_cdf_integral": (
        "the standard normal CDF as an integral",
        (r"\\Phi\((?:x|x_\{?ij\}?)\)",),
        ("cdf", "cumulative", "تجمعی"),
    ),
    "activations.erf_integral": ("the error function", (rf"{_WRAP}erf\}}?\(x\)",), ("erf", "error function")),
    "activations.gelu_erf_form": _act("GELU, erf form", ("GELU",), ("gelu", "erf")),
    "activations.gelu_tanh_form": _act("GELU, tanh approximation", ("GELU",), ("gelu", "tanh", "0.044715")),
    "activations.gelu_sigmoid_form": _act("GELU, sigmoid approximation", ("GELU",), ("gelu", "sigmoid", "1.702")),
    # Q1(b), chart 1
    "activations.chart1_relu": _act("ReLU (chart 1)", ("ReLU",), ("relu", *_CHART), fx=False),
    "activations.chart1_gelu": _act("GELU, tanh form (chart 1)", ("GELU",), ("gelu", *_CHART), fx=False),
    "activations.chart1_prelu": _act("PReLU (chart 1)", ("PReLU",), ("prelu", *_CHART), fx=False),
    "activations.chart1_elu": _act("ELU (chart 1)", ("ELU",), ("elu", *_CHART), fx=False),
    "activations.chart1_swish": _act("Swish (chart 1)", ("Swish", "SiLU"), ("swish", "silu", *_CHART), fx=False),
    "activations.chart1_selu": _act("SELU (chart 1)", ("SELU",), ("selu", *_CHART), fx=False),
    "activations.chart1_softplus": _act("SoftPlus (chart 1)", ("SoftPlus",), ("softplus", *_CHART), fx=False),
    "activations.chart1_mish": _act("Mish (chart 1)", ("Mish",), ("mish", *_CHART), fx=False),
    "activations.chart1_rrelu": _act("RReLU (chart 1)", ("RReLU",), ("rrelu", *_CHART), fx=False),
    "activations.chart1_hardswish": _act("HardSwish (chart 1)", (r"Hard\\?_?Swish",), ("hardswish", *_CHART), fx=False),
    "activations.chart1_sigmoid": _act("Sigmoid (chart 1)", ("Sigmoid",), ("sigmoid", "logistic", *_CHART), fx=False),
    "activations.chart1_softsign": _act("SoftSign (chart 1)", ("SoftSign",), ("softsign", *_CHART), fx=False),
    "activations.chart1_tanh": _act("Tanh (chart 1)", ("Tanh",), ("tanh", *_CHART), fx=False),
    "activations.chart1_hard_tanh": _act("Hard tanh (chart 1)", (r"Hard\\?_?tanh",), ("hardtanh", *_CHART), fx=False),
    "activations.chart1_hard_sigmoid": _act(
        "Hard Sigmoid (chart 1)", (r"Hard\\?_?Sigmoid",), ("hardsigmoid", *_CHART), fx=False
    ),
    "activations.chart1_tanh_shrink": _act(
        "Tanh Shrink (chart 1)", (r"Tanh\\?_?Shrink",), ("tanhshrink", *_CHART), fx=False
    ),
    "activations.chart1_soft_shrink": _act(
        "Soft Shrink (chart 1)", (r"Soft\\?_?Shrink",), ("softshrink", *_CHART), fx=False
    ),
    "activations.chart1_hard_shrink": _act(
        "Hard Shrink (chart 1)", (r"Hard\\?_?Shrink",), ("hardshrink", *_CHART), fx=False
    ),
    # Q1(b), chart 2
    "activations.chart2_sigmoid": _act("Sigmoid (chart 2)", ("Sigmoid",), ("sigmoid", "dance"), fx=False, y=True),
    "activations.chart2_tanh": _act("Tanh (chart 2)", ("Tanh",), ("tanh", "dance"), fx=False, y=True),
    "activations.chart2_step_function": _act("Step (chart 2)", ("Step",), ("step", "dance"), fx=False, y=True),
    "activations.chart2_softplus": _act("Softplus (chart 2)", ("SoftPlus",), ("softplus", "dance"), fx=False, y=True),
    "activations.chart2_relu": _act("ReLU (chart 2)", ("ReLU",), ("relu", "dance"), fx=False, y=True),
    "activations.chart2_softsign": _act("Softsign (chart 2)", ("SoftSign",), ("softsign", "dance"), fx=False, y=True),
    "activations.chart2_elu": _act("ELU (chart 2)", ("ELU",), ("elu", "dance"), fx=False, y=True),
    "activations.chart2_log_of_sigmoid": _act(
        "Log of sigmoid (chart 2)", (r"Log\\?_?Sigmoid",), ("logsigmoid", "log of sigmoid", "dance"), fx=False, y=True
    ),
    "activations.chart2_swish": _act("Swish (chart 2)", ("Swish", "SiLU"), ("swish", "dance"), fx=False, y=True),
    "activations.chart2_sinc": _act("Sinc (chart 2)", ("Sinc",), ("sinc", "dance"), fx=False, y=True),
    "activations.chart2_leaky_relu": _act(
        "Leaky ReLU (chart 2)", (r"Leaky\\?_?ReLU",), ("leaky relu", "leaky", "dance"), fx=False, y=True
    ),
    "activations.chart2_mish": _act("Mish (chart 2)", ("Mish",), ("mish", "dance"), fx=False, y=True),
    # Q1(a): NRMSE by each normaliser (the vendored report names them in words; another may write the formula)
    **{
        f"metrics.nrmse_{name}": (f"NRMSE by the {title}", (_NRMSE,), ("nrmse", "normalised", "normalized", *words))
        for name, title, words in (
            ("mean", "mean of y", ("mean", "average", "میانگین")),
            ("max", "largest y", ("max", "maximum", "ماکسیمم", "بیشینه")),
            ("range", "range of y", ("range", "min", "دامنه", "تفاضل")),
            ("std", "standard deviation of y", ("standard deviation", "std", "انحراف معیار")),
            ("iqr", "interquartile range of y", ("interquartile", "iqr", "چارک")),
        )
    },
    # Q1(c): dropout's scaling (convproof's own claim; another report may write the formula)
    "dropout.inverted_scaling_expectation": (
        "dropout's output while training (inverted scaling)",
        (r"y(?:_i|_\{i\})?", r"\\(?:tilde|hat)\{[a-z]\}(?:_i|_\{i\})?", r"(?:\\text\{)?Dropout\}?\([a-z]\)"),
        # not "dropout": the report's dropout prose and its example shape are under the same heading
        ("scaling", "scale", "inverted", "مقیاس"),
    ),
    # Q1(d)
    "batchnorm.standardise": (
        "batch-norm standardisation (mean 0, variance 1)",
        (sub(r"(?:X|x|\\hat\{x\}|\\hat\{X\})", "i"),),
        ("batch", "normalization", "normalisation", "نرمال", "نرمالسازی"),
    ),
    # Q2
    "dilated.rf_recurrence": (
        "receptive field of i dilated layers (recurrence)",
        (sub("RF", "i"), r"RF\(i\)", sub("r", "i")),
        ("receptive field", "recurrence", "previous", "میدان دید", "بازگشتی"),
    ),
    "dilated.rf_base": (
        "receptive field of no layer",
        (sub("RF", "0"), r"RF\(0\)", sub("r", "0")),
        ("receptive field",),
    ),
    "dilated.rf_layer1": ("receptive field of one dilated layer", (sub("RF", "1"), r"RF\(1\)"), ("receptive field",)),
    "dilated.rf_layer2": ("receptive field of two dilated layers", (sub("RF", "2"), r"RF\(2\)"), ("receptive field",)),
    "dilated.rf_layer3": (
        "receptive field of three dilated layers",
        (sub("RF", "3"), r"RF\(3\)"),
        ("receptive field",),
    ),
    "dilated.rf_closed_form": (
        "receptive field of i dilated layers (closed form)",
        (sub("RF", "i"), r"RF\(i\)", sub("r", "i")),
        ("receptive field", "dilated", "dilation", "general", "میدان دید", "گسترش", "کلی"),
    ),
    "dilated.effective_kernel": (
        "effective kernel size of a dilated kernel",
        (sub("k", r"(?:\\mathrm\{eff\}|\\text\{eff\}|eff|e)"), r"\\hat\{k\}", r"k'"),
        ("effective", "kernel", "موثر", "کرنل"),
    ),
    "dilated.output_size": (
        "output size of a dilated layer (stride 1, no padding)",
        ("O", sub("N", r"(?:\\mathrm\{out\}|\\text\{out\}|out|o)"), "N'", sub("W", "out"), "L_out"),
        ("output size", "output", "خروجی", "ابعاد"),
    ),
    "dilated.output_shape": (
        "output shape of m dilated filters",
        (r"\\text\{shape\}", "shape"),
        ("output shape", "shape", "filters", "ابعاد خروجی", "فیلتر"),
    ),
}

_GRAD = ("gradient", "derivative", "backpropagation", "گرادیان", "مشتق")
_Q4 = (
    # id, title, (of, wrt, index, of_index), extra words
    ("dL_dw1", "dL/dw_1", ("L", "w", "1", ""), ("weight",)),
    ("dL_dw2", "dL/dw_2", ("L", "w", "2", ""), ("weight",)),
    ("dL_da", "dL/da", ("L", "a", "", ""), ("bias", "output")),
    ("dL_dz1_chain", "dL/dz_1 (chain rule)", ("L", "z", "1", ""), ("chain",)),
    ("dv1_dz1_cases", "dv_1/dz_1 (max-ReLU derivative)", ("v", "z", "1", "1"), ("max", "relu")),
    ("dL_dz1_cases", "dL/dz_1 (by cases)", ("L", "z", "1", ""), ("cases", "relu")),
    ("dL_dz3_cases", "dL/dz_3 (by cases)", ("L", "z", "3", ""), ("cases", "relu")),
    ("dL_dz2_chain", "dL/dz_2 (two paths)", ("L", "z", "2", ""), ("chain", "paths")),
    ("dv1_dz2_cases", "dv_1/dz_2 (max-ReLU derivative)", ("[vV]", "z", "2", "1"), ("max", "relu")),
    ("dv2_dz2_cases", "dv_2/dz_2 (max-ReLU derivative)", ("[vV]", "z", "2", "2"), ("max", "relu")),
    ("dL_dk1", "dL/dk_1", ("L", "k", "1", ""), ("kernel", "three")),
    ("dL_dk2", "dL/dk_2", ("L", "k", "2", ""), ("kernel", "three")),
    ("dL_dk3", "dL/dk_3", ("L", "k", "3", ""), ("kernel", "three")),
    ("dL_db", "dL/db", ("L", "b", "", ""), ("bias", "three", "بایاس")),
    ("dL_dki_general", "dL/dk_i for any length m", ("L", "k", "[ij]", ""), ("kernel", "general", "کلی")),
    ("dL_db_general", "dL/db for any length m", ("L", "b", "", ""), ("bias", "general", "کلی", "بایاس")),
)
NAMED.update(
    {
        f"conv_grads.{name}": (title, (derivative(of, wrt, index, of_index),), (*_GRAD, *extra))
        for name, title, (of, wrt, index, of_index), extra in _Q4
    }
)
NAMED.update(
    {
        "conv_grads.parameters": ("the network's parameters", (), ("parameters", "trainable", "پارامتر", "پارامترها")),
        "conv_grads.max_nested": (
            "the pooled activation v_1 = max(0, z_1, z_2)",
            (sub("v", "1"), r"\\max\(0,z_1,z_2\)", sub("V", "1")),
            ("max", "pooling", "relu"),
        ),
        **{
            f"conv_grads.z{j}_expansion": (
                f"the pre-activation z_{j}",
                (sub("z", str(j)),),
                ("convolution", "کانولوشن"),
            )
            for j in (1, 2, 3)
        },
    }
)
