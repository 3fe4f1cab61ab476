"""Q1(b), the two charts: every entry's formula as written, against PyTorch's definition.

Chart 1 is "Neural Network Activation Functions: a small subset!", chart 2
"Dance Moves of Deep Learning Activation Functions". Their text lost symbols
in extraction (``|x|`` printed as `` x ``); each claim judges what is written
and its note records what the chart meant.
"""

from __future__ import annotations

import re

import sympy as sp

from ...claim import Claim, reals
from ...lib import activations as act
from ...lib import selu as selu_constants
from ...lib.symbols import x
from .builder import formula_claim

__all__ = ["chart_entries", "claims"]

a, b, n = sp.symbols("a b n", real=True)
alpha, beta, lam = sp.symbols("alpha beta lambda", positive=True)
y = sp.Symbol("y", real=True)

NAMES = {"x": x, "a": a, "b": b, "n": n, "alpha": alpha, "beta": beta, "lambda": lam, "y": y}
FUNCTIONS = {"softplus": act.softplus}
WHERE = {1: "Q1(b), chart 1 (a small subset), {}", 2: "Q1(b), chart 2 (dance moves), {}"}
_SOFTSIGN = (
    "The spaced $x$ of the denominator is $|x|$ with its bars lost in extraction: the chart meant $x/(1 + |x|)$ "
    "(torch.nn.Softsign). As written, $x/(1 + x)$ has a pole at $x = -1$ and differs for every $x < 0$."
)


def without_remark(latex: str) -> str:
    """Drop a ``\\text{ with } ...`` remark from a cases condition: it names a distribution.

    >>> without_remark(r"ax & \\text{if } x < 0 \\text{ with } a \\sim U \\end{cases}")
    'ax & \\\\text{if } x < 0 \\\\end{cases}'
    """
    return re.sub(r"\s*\\text\{\s*with\s*\}.*?(?=\s*(?:\\end\{cases\}|\\\\))", "", latex)


def _chart_1() -> list[dict]:
    return [
        dict(name="ReLU", source=r"\max(0, x)", reference=act.relu(x), torch=("relu", {})),
        dict(
            name="GELU",
            source=r"\frac{x}{\sqrt{2\pi}} \left( 1 + \tanh \left( \sqrt{\frac{2}{\pi}} (x + ax^3) \right) \right)",
            reference=act.gelu_tanh(x, a),
            domain={a: reals(0, 0.1)},
            at={a: act.GELU_TANH_CUBIC},
            torch=("gelu_tanh", {}),
            note=(
                "The tanh form of GELU with cubic coefficient $a$ (0.044715 in PyTorch's approximate='tanh'); "
                r"the chart writes the factor $x/\sqrt{2\pi}$ where the tanh form has $x/2$."
            ),
        ),
        dict(
            name="PReLU",
            source=r"\max(0, x)",
            reference=act.prelu(x, a),
            domain={a: reals(-2, 3)},
            at={a: act.PRELU_INIT},
            torch=("prelu", {"a": act.PRELU_INIT}),
            note=(
                r"Written $\max(0, x)$, which is ReLU. PReLU is $\max(0, x) + a \min(0, x)$ with a learnt slope $a$ "
                "(initialised to 0.25): ReLU only when $a = 0$."
            ),
        ),
        dict(
            name="ELU",
            source=r"\begin{cases} x & \text{if } x > 0 \\ \alpha(x \exp x - 1) & \text{if } x < 0 \end{cases}",
            reference=act.elu(x, alpha),
            domain={alpha: reals(0.1, 3)},
            at={alpha: act.ELU_ALPHA},
            torch=("elu", {"alpha": act.ELU_ALPHA}),
            note=(
                r"$x \exp x$ reads as $x e^x$; the chart meant $\alpha (e^x - 1)$, as torch.nn.ELU. "
                "As written it has no value at $x = 0$."
            ),
        ),
        dict(name="Swish", source=r"\frac{x}{1 + \exp -x}", reference=act.silu(x), torch=("silu", {})),
        dict(
            name="SELU",
            source=r"\alpha(\max(0, x) + \min(0, \beta(\exp x - 1)))",
            reference=act.selu(x, beta, alpha),
            domain={alpha: reals(0.05, 3), beta: reals(0.05, 3)},
            at={alpha: selu_constants.selu_lambda(), beta: selu_constants.selu_alpha()},
            torch=("selu", {}),
            note=r"The chart's $\alpha$ is PyTorch's scale $\lambda$ and its $\beta$ is PyTorch's $\alpha$.",
        ),
        dict(
            name="SoftPlus",
            source=r"\frac{1}{\beta} \log(1 + \exp(\beta x))",
            reference=act.softplus(x, beta),
            domain={beta: reals(0.2, 5)},
            at={beta: 1},
            torch=("softplus", {"beta": 1}),
            note=r"$\log$ is the natural logarithm. PyTorch switches to $x$ where $\beta x > 20$, for stability only.",
        ),
        dict(
            name="Mish",
            source=r"x \tanh \left( \frac{1}{\beta} \log(1 + \exp(\beta x)) \right)",
            reference=act.mish(x, beta),
            domain={beta: reals(0.2, 5)},
            at={beta: 1},
            torch=("mish", {}),
            note=r"$x \tanh(\operatorname{Softplus}(x))$ with Softplus's $\beta$; PyTorch's Mish is $\beta = 1$.",
        ),
        dict(
            name="RReLU",
            source=(
                r"\begin{cases} x & \text{if } x \geq 0 \\ ax & \text{if } x < 0 \text{ with } a \sim \mathcal{R}(l, u) "
                r"\end{cases}"
            ),
            parse=True,
            reference=act.rrelu(x, slope=a),
            domain={a: reals(0, 1)},
            at={a: (act.RRELU_LOWER + act.RRELU_UPPER) / 2},
            torch=("rrelu", {"lower": act.RRELU_LOWER, "upper": act.RRELU_UPPER}),
            note=(
                r"$a \sim \mathcal{R}(l, u)$ is read as $a$ drawn from the uniform distribution on $[l, u]$, as "
                "torch.nn.RReLU in training; the remark is not part of the condition. Oracle in evaluation mode."
            ),
        ),
        dict(
            name="HardSwish",
            source=(
                r"\begin{cases} 0 & \text{if } x \leq -3 \\ x & \text{if } -3 < x < 3 \\ (x+3)/6 & "
                r"\text{otherwise} \end{cases}"
            ),
            reference=act.hardswish(x),
            torch=("hardswish", {}),
            note=(
                "The last two branches are swapped and the factor $x$ of $x(x + 3)/6$ is lost: torch.nn.Hardswish "
                r"is $x(x + 3)/6$ for $-3 < x < 3$ and $x$ for $x \ge 3$."
            ),
        ),
        dict(name="Sigmoid", source=r"\frac{1}{1 + \exp(-x)}", reference=act.sigmoid(x), torch=("sigmoid", {})),
        dict(
            name="SoftSign",
            source=r"\frac{x}{1 +  x }",
            reference=act.softsign(x),
            torch=("softsign", {}),
            note=_SOFTSIGN,
        ),
        dict(name="Tanh", source=r"\tanh(x)", reference=act.tanh(x), torch=("tanh", {})),
        dict(
            name="Hard tanh",
            source=r"\begin{cases} a & \text{if } x \geq a \\ b & \text{if } x \leq b \\ x & \text{otherwise} \end{cases}",
            reference=act.hardtanh(x, b, a),
            domain={a: reals(0.5, 2), b: reals(-2, -0.5)},
            at={a: 1, b: -1},
            torch=("hardtanh", {"min_val": -1, "max_val": 1}),
            note="$a$ is PyTorch's max_val and $b$ its min_val ($b < a$).",
        ),
        dict(
            name="Hard Sigmoid",
            source=(
                r"\begin{cases} 0 & \text{if } x \leq -3 \\ 1 & \text{if } -3 < x < 3 \\ x/6 + 1/2 & "
                r"\text{otherwise} \end{cases}"
            ),
            reference=act.hardsigmoid(x),
            torch=("hardsigmoid", {}),
            note=r"The last two branches are swapped: torch.nn.Hardsigmoid is $x/6 + 1/2$ for $-3 < x < 3$ and 1 for $x \ge 3$.",
        ),
        dict(name="Tanh Shrink", source=r"x - \tanh(x)", reference=act.tanhshrink(x), torch=("tanhshrink", {})),
        dict(
            name="Soft Shrink",
            source=(
                r"\begin{cases} x - \lambda & \text{if } x > \lambda \\ x + \lambda & \text{if } x < -\lambda \\ 0 "
                r"& \text{otherwise} \end{cases}"
            ),
            reference=act.softshrink(x, lam),
            domain={lam: reals(0.01, 2)},
            at={lam: act.SHRINK_LAMBDA},
            torch=("softshrink", {"lambd": act.SHRINK_LAMBDA}),
        ),
        dict(
            name="Hard Shrink",
            source=(
                r"\begin{cases} x & \text{if } x > \lambda \\ 0 & \text{if } -\lambda < x < \lambda \\ x & "
                r"\text{if } x < -\lambda \end{cases}"
            ),
            reference=act.hardshrink(x, lam),
            domain={lam: reals(0.01, 2)},
            at={lam: act.SHRINK_LAMBDA},
            torch=("hardshrink", {"lambd": act.SHRINK_LAMBDA}),
            note=r"As written it has no value at $x = \pm\lambda$, where torch.nn.Hardshrink gives 0.",
        ),
    ]


def _chart_2() -> list[dict]:
    return [
        dict(name="Sigmoid", source=r"y = \frac{1}{1 + e^{-x}}", reference=act.sigmoid(x), torch=("sigmoid", {})),
        dict(name="Tanh", source=r"y = \tanh(x)", reference=act.tanh(x), torch=("tanh", {})),
        dict(
            name="Step Function",
            source=r"y = \begin{cases} 0, & x < n \\ 1, & x \geq n \end{cases}",
            reference=act.step(x, n),
            domain={n: reals(-2, 2)},
            at={n: 0},
            note="The unit step at threshold $n$ (no framework defines it as an activation).",
        ),
        dict(
            name="Softplus",
            source=r"y = \ln(1 + e^x)",
            reference=act.softplus(x),
            torch=("softplus", {"beta": 1}),
        ),
        dict(
            name="ReLU",
            source=r"y = \begin{cases} 0, & x < 0 \\ x, & x \geq 0 \end{cases}",
            reference=act.relu(x),
            torch=("relu", {}),
        ),
        dict(
            name="Softsign",
            source=r"y = \frac{x}{(1 +  x )}",
            reference=act.softsign(x),
            torch=("softsign", {}),
            note=_SOFTSIGN,
        ),
        dict(
            name="ELU",
            source=r"y = \begin{cases} \alpha(e^x - 1), & x < 0 \\ x, & x \geq 0 \end{cases}",
            reference=act.elu(x, alpha),
            domain={alpha: reals(0.1, 3)},
            at={alpha: act.ELU_ALPHA},
            torch=("elu", {"alpha": act.ELU_ALPHA}),
        ),
        dict(
            name="Log of Sigmoid",
            source=r"y = \ln \left( \frac{1}{1 + e^{-x}} \right)",
            reference=act.logsigmoid(x),
            torch=("logsigmoid", {}),
        ),
        dict(name="Swish", source=r"y = \frac{x}{1 + e^{-x}}", reference=act.silu(x), torch=("silu", {})),
        dict(
            name="Sinc",
            source=r"y = \frac{\sin(x)}{x}",
            reference=act.sinc(x),
            note="The unnormalised sinc; as written it has no value at $x = 0$, where its limit is 1.",
        ),
        dict(
            name="Leaky ReLU",
            source=r"y = \max(0, x)",
            reference=act.leaky_relu(x),
            torch=("leaky_relu", {"negative_slope": act.LEAKY_SLOPE}),
            note=(
                r"Written $\max(0, x)$, which is ReLU; Leaky ReLU is $\max(\alpha x, x)$ with a small slope $\alpha$ "
                "(torch.nn.LeakyReLU: 0.01)."
            ),
        ),
        dict(
            name="Mish",
            source=r"y = x \cdot \tanh(\text{softplus}(x))",
            reference=act.mish(x),
            torch=("mish", {}),
        ),
    ]


def _slug(name: str) -> str:
    return re.sub(r"\W+", "_", name.lower()).strip("_")


def chart_entries() -> dict[str, dict]:
    """Each entry of both charts by claim id: its data (name, ``at``: PyTorch's defaults, torch...) and chart."""
    charts = ((1, _chart_1()), (2, _chart_2()))
    return {f"activations.chart{c}_{_slug(e['name'])}": {**e, "chart": c} for c, entries in charts for e in entries}


def claims() -> tuple[Claim, ...]:
    """One claim per entry of both charts."""
    out = []
    for claim_id, entry in chart_entries().items():
        chart, (torch_name, torch_params) = entry["chart"], entry.get("torch", (None, None))
        out.append(
            formula_claim(
                id=claim_id,
                where=WHERE[chart].format(entry["name"]),
                source=entry["source"],
                parse_text=without_remark if entry.get("parse") else None,
                reference=entry["reference"],
                names=NAMES,
                functions=FUNCTIONS,
                domain=entry.get("domain"),
                at=entry.get("at"),
                torch_name=torch_name,
                torch_params=torch_params,
                lhs="y" if chart == 2 else r"\mathrm{" + entry["name"].replace(" ", r"\ ") + "}(x)",
                note=entry.get("note", ""),
            )
        )
    return tuple(out)
