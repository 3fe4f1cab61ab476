"""Q1(b), the text: ReLU, PReLU, RReLU, LeakyReLU, ELU and SELU as the report writes them.

References are PyTorch's documented definitions (:mod:`convproof.derivations.lib.activations`).
PReLU and RReLU are written ``max(alpha x, x)``, which is the leaky form only
for alpha <= 1: that condition is derived by SymPy (:func:`max_form_condition`).
"""

from __future__ import annotations

import inspect
from dataclasses import replace
from functools import lru_cache, partial

import sympy as sp

from ...checks.torch_oracle import torch_hook
from ...claim import Claim, reals
from ...latex.front import parse_chain
from ...lib import activations
from ...lib.symbols import x
from ...outcome import Counterexample, Outcome
from .builder import formula_claim

__all__ = ["claims", "max_form_condition"]

alpha = sp.Symbol("alpha", real=True)
lam = sp.Symbol("lambda", positive=True)
alpha_pos = sp.Symbol("alpha", positive=True)

WHERE = "Q1(b), {}"
_MAX_FORM = r"f(x) = \max(\alpha x, x)"


@lru_cache(maxsize=8)
def max_form_condition(statement: sp.Basic, reference: sp.Basic, parameter: sp.Symbol) -> sp.Basic:
    """The values of ``parameter`` for which ``statement`` equals ``reference`` for every real x.

    Both sides must be positively homogeneous in x (linear on each half-line
    from 0, as max(a x, x) and the leaky ReLU are), so equality everywhere
    is equality at x = 1 and x = -1; SymPy solves each over the reals.

    >>> a = sp.Symbol("a", real=True)
    >>> max_form_condition(sp.Max(a * x, x), activations.leaky_relu(x, a), a)
    a <= 1
    """
    difference = statement - reference
    solutions = [sp.solveset(difference.subs(x, side).rewrite(sp.Piecewise), parameter, sp.S.Reals) for side in (1, -1)]
    return sp.Intersection(*solutions).as_relational(parameter)


def _max_form(
    claim_id: str, name: str, reference: sp.Basic, slope: sp.Basic, torch: tuple, note: str, source: str = _MAX_FORM
) -> Claim:
    claim = formula_claim(
        id=claim_id,
        where=WHERE.format(name),
        source=source,
        reference=reference,
        names={"x": x, "alpha": alpha},
        domain={alpha: reals(-2, 3)},
        at={alpha: slope},
        torch_name=torch[0],
        torch_params=torch[1],
        note=note,
    )
    condition = max_form_condition(claim.claimed[0][1], reference, alpha)
    return replace(
        claim,
        condition=condition,
        reread=partial(_max_form, claim_id, name, reference, slope, torch, note),
        derivation=(
            (r"$\max(\alpha x, x)$ minus the reference at $x = 1$ and $x = -1$, solved for $\alpha$", condition),
            ("reference (PyTorch)", reference),
        ),
    )


def claims() -> tuple[Claim, ...]:
    """The activation formulas of Q1(b)'s text, ReLU to SELU."""
    names = {"x": x, "alpha": alpha, "lambda": lam}
    return (
        formula_claim(
            id="activations.relu",
            where=WHERE.format("ReLU"),
            source=r"f(x) = \max(0, x)",
            reference=activations.relu(x),
            names=names,
            torch_name="relu",
            note="torch.nn.ReLU.",
        ),
        _max_form(
            "activations.prelu",
            "PReLU",
            activations.prelu(x, alpha),
            activations.PRELU_INIT,
            ("prelu", {"a": activations.PRELU_INIT}),
            r"torch.nn.PReLU: $x$ for $x \ge 0$, $\alpha x$ otherwise, $\alpha$ learnt (any real; initialised to 0.25).",
        ),
        _max_form(
            "activations.rrelu",
            "RReLU",
            activations.rrelu(x, slope=alpha),
            (activations.RRELU_LOWER + activations.RRELU_UPPER) / 2,
            ("rrelu", {"lower": activations.RRELU_LOWER, "upper": activations.RRELU_UPPER}),
            r"torch.nn.RReLU: $x$ for $x \ge 0$, $\alpha x$ otherwise, $\alpha$ drawn from $U(l, u)$ in training, "
            "$l$ and $u$ being PyTorch's lower and upper (PyTorch does not bound $u$ by 1). Oracle in evaluation "
            r"mode, $\alpha = (l + u)/2$.",
        ),
        formula_claim(
            id="activations.leaky_relu",
            where=WHERE.format("LeakyReLU"),
            source=r"f(x) = \begin{cases} x & \text{if } x \geq 0 \\ \alpha x & \text{otherwise} \end{cases}",
            reference=activations.leaky_relu(x, alpha),
            names=names,
            domain={alpha: reals(-2, 3)},
            at={alpha: activations.LEAKY_SLOPE},
            torch_name="leaky_relu",
            torch_params={"negative_slope": activations.LEAKY_SLOPE},
            note=r"torch.nn.LeakyReLU, its negative_slope being $\alpha$.",
        ),
        _default_claim(
            "activations.leaky_relu_slope",
            "LeakyReLU",
            r"\alpha = 0.01",
            _decimal,
            activations.LEAKY_SLOPE,
            ("LeakyReLU", "negative_slope"),
            "The slope of the report's LeakyReLU, against PyTorch's documented default negative_slope.",
        ),
        formula_claim(
            id="activations.elu",
            where=WHERE.format("ELU"),
            source=r"f(x) = \begin{cases} x & \text{if } x \geq 0 \\ \alpha(e^x - 1) & \text{otherwise} \end{cases}",
            reference=activations.elu(x, alpha),
            names=names,
            domain={alpha: reals(-2, 3)},
            at={alpha: 1},
            torch_name="elu",
            torch_params={"alpha": 1},
            note="torch.nn.ELU puts $x = 0$ in the exponential branch; both branches give 0 there.",
        ),
        _default_claim(
            "activations.elu_alpha",
            "ELU",
            r"  $\alpha$  معمولاً یک است.",
            sp.Integer(1),  # the Persian word for one
            activations.ELU_ALPHA,
            ("ELU", "alpha"),
            r"'$\alpha$ is usually one' (the number written as a Persian word): against the documented default "
            r"$\alpha$ of torch.nn.ELU.",
        ),
        formula_claim(
            id="activations.selu",
            where=WHERE.format("SELU"),
            source=(
                r"f(x) = \lambda \begin{cases} x & \text{if } x \geq 0 \\ \alpha(e^x - 1) & \text{otherwise} "
                r"\end{cases}"
            ),
            reference=activations.selu(x, alpha_pos, lam),
            names={**names, "alpha": alpha_pos},
            domain={alpha_pos: reals(0.05, 3), lam: reals(0.05, 3)},
            at={alpha_pos: 1, lam: 1},
            note=(
                r"torch.nn.SELU, $\lambda \left(\max(0, x) + \min(0, \alpha (e^x - 1))\right)$ with PyTorch's scale "
                r"as $\lambda$, its constants as symbols $\alpha > 0$, $\lambda > 0$ (the min/max form equals the "
                r"cases form only for $\alpha \ge 0$). The constants themselves: activations.selu_constants."
            ),
        ),
        *_prose(),
    )


def _default_claim(claim_id, name, source, value, default, torch_attr, note) -> Claim:
    """The report's value of a parameter against its documented default in a torch.nn class.

    ``value`` is a function of the source where the source is a formula (then the claim can be reread).
    """
    reread = None
    if callable(value):
        reread = partial(_default_claim, claim_id, name, value=value, default=default, torch_attr=torch_attr, note=note)
        value = value(source)
    return Claim(
        id=claim_id,
        where=WHERE.format(name),
        source=source,
        statement=value,
        claimed=(("value", value),),
        reference=default,
        lhs=r"\alpha",
        oracle=_torch_default(*torch_attr, value),
        note=note,
        reread=reread,
    )


def _decimal(latex: str) -> sp.Basic:
    """The right side of ``name = value``, its decimal read exactly (0.01 is 1/100)."""
    value = parse_chain(latex, {"alpha": alpha})[-1]
    return sp.Rational(str(value)) if isinstance(value, sp.Float) else value


def _torch_default(cls_name: str, parameter: str, value: sp.Basic):
    def oracle(torch, size, rng) -> Outcome:
        default = inspect.signature(getattr(torch.nn, cls_name)).parameters[parameter].default
        passed = abs(float(default) - float(value)) <= 1e-12
        counterexample = None if passed else Counterexample({}, float(value), default, part=parameter)
        return Outcome(
            f"the default of {parameter} in the signature of torch.nn.{cls_name}",
            passed,
            detail=f"PyTorch's default {parameter} is ${default}$",
            counterexample=counterexample,
        )

    return torch_hook(oracle)


def _prose() -> list[Claim]:
    sentences = (
        (
            "activations.prose_relu",
            "ReLU",
            "میتواند باعث *dying ReLU* شود که مقادیر نرونها را در صفر نگه میدارد",
            "ReLU can cause dying ReLU, keeping neurons' values at zero.",
        ),
        (
            "activations.prose_prelu",
            "PReLU",
            "یک پارامتری است که در طول *training* یافت میشود، به طوریکه بهترین دقت را داشته باشیم.",
            r"PReLU's $\alpha$ is a parameter found during training, for the best accuracy.",
        ),
        (
            "activations.prose_rrelu",
            "RReLU",
            "یک عدد تصادفی است که از یک توزیع یکنواخت یا همان یک بازه از پیش تعیین شده انتخاب میشود، "
            "طوری که کمترین *loss* را داشته باشیم.",
            r"RReLU's $\alpha$ is random, drawn from a uniform distribution over a preset range, so that the loss "
            "is least (in fact the draw is random; nothing selects it for the loss).",
        ),
        (
            "activations.prose_elu",
            "ELU",
            "برای ورودیهای منفی با شیب نمایی کمی، کاهش مییابند.",
            "The ELU family decreases with a small exponential slope for negative inputs.",
        ),
    )
    return [
        Claim(id=cid, where=WHERE.format(name), source=text, prose=summary) for cid, name, text, summary in sentences
    ]
