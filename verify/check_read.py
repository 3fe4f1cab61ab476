"""What ``convproof check`` accepts as a formula, before and after the LaTeX front reads it.

Before parsing, :func:`pretext` rewrites what a person writes but the front
reads as something else: an ``aligned`` block (its rows joined into one
chain), a formula wrapped in one brace group (``{x}`` is x, not a set), a
leading derivative operator ``\\frac{d}{dx}``. After parsing, :func:`admit_value`
refuses what has no real value to compare (a set, a relation, a matrix,
``\\frac{1}{0}``, ``\\sqrt{-1}``) in one line, and :func:`evaluated` carries
out what SymPy can do in closed form (sums, integrals, limits, derivatives)
and writes factorials and binomials in the Gamma function that NumPy evaluates.

>>> pretext(r"\\begin{aligned} a &= b \\\\ &= c \\end{aligned}")
'a = b = c'
>>> pretext("{x + 1}")
'x + 1'
"""

from __future__ import annotations

import re

import sympy as sp

from ..derivations.errors import BadInputError
from ..derivations.latex.normalise import group, shown

__all__ = ["FUNCTIONS", "admit_value", "derivative_of", "evaluated", "pretext", "unevaluated"]


def _logistic(z):
    return 1 / (1 + sp.exp(-z))


def _phi(z):
    return (1 + sp.erf(z / sp.sqrt(2))) / 2


def _relu(z):
    return sp.Max(0, z)


# Function names a formula may apply (as \name, \operatorname{name}, \mathrm{name} or name),
# unless the same name is declared as a symbol.
FUNCTIONS = {
    "Phi": _phi,
    "sigma": _logistic,
    "sigmoid": _logistic,
    "softplus": lambda z: sp.log(1 + sp.exp(z)),
    "sign": sp.sign,
    "sgn": sp.sign,
    "ReLU": _relu,
    "relu": _relu,
    "GELU": lambda z: z * _phi(z),
    "SiLU": lambda z: z * _logistic(z),
    "swish": lambda z: z * _logistic(z),
    "Heaviside": sp.Heaviside,
    "floor": sp.floor,
    "ceil": sp.ceiling,
    "abs": sp.Abs,
    "erfc": sp.erfc,
    "Gamma": sp.gamma,
}

_DERIVATIVE = re.compile(r"^\\[dt]?frac\s*")


def pretext(latex: str) -> str:
    """The formula as the front should read it (see the module docstring)."""
    text = latex.strip()
    if "\\begin{aligned}" in text or "\\end{aligned}" in text:
        text = re.sub(r"\\(?:begin|end)\{aligned\}", " ", text)
        text = re.sub(r"\\\\|&", " ", text)
        text = " ".join(text.split())
    while (whole := group(text, 0)) is not None and whole[1] == len(text):
        text = whole[0].strip()
    return text


def derivative_of(text: str) -> tuple[str, str] | None:
    """``\\frac{d}{dx} f`` (or with ``\\partial``): the variable's name and the text of f; else None.

    >>> derivative_of(r"\\frac{d}{dx} x^2")
    ('x', 'x^2')
    """
    match = _DERIVATIVE.match(text)
    top = group(text, match.end()) if match else None
    bottom = group(text, top[1]) if top else None
    if not (top and bottom):
        return None
    if re.fullmatch(r"\s*(?:d|\\partial|\\mathrm\{d\})\s*", top[0]) is None:
        return None
    var = re.fullmatch(r"\s*(?:d|\\partial|\\mathrm\{d\})\s*([A-Za-z](?:_\{?\w+\}?)?)\s*", bottom[0])
    rest = text[bottom[1] :].strip()
    if var is None or not rest:
        return None
    return var.group(1), rest


def unevaluated(expr: sp.Basic) -> list[str]:
    """What is left that NumPy cannot evaluate: the names of those operations.

    >>> unevaluated(sp.Integral(sp.Symbol("t") ** sp.Symbol("t"), (sp.Symbol("t"), 0, 1)))
    ['Integral']
    """
    kinds = (sp.Integral, sp.Limit, sp.Derivative, sp.Product, sp.Sum)
    return sorted({type(a).__name__ for a in sp.preorder_traversal(expr) if isinstance(a, kinds)})


def _gamma_forms(expr: sp.Basic) -> sp.Basic:
    """factorial(n) as gamma(n + 1); binomial with a number below as a polynomial, else in gamma."""

    def binomial(e):
        n, k = e.args
        if k.is_Integer and 0 <= k <= 20:
            return sp.expand_func(e)
        return sp.gamma(n + 1) / (sp.gamma(k + 1) * sp.gamma(n - k + 1))

    expr = expr.replace(lambda e: isinstance(e, sp.binomial), binomial)
    return expr.replace(lambda e: isinstance(e, sp.factorial), lambda e: sp.gamma(e.args[0] + 1))


def evaluated(expr: sp.Basic) -> sp.Basic:
    """Sums, products, integrals, limits and derivatives carried out where SymPy can; see the module docstring.

    Sums of indexed terms (``y_i``) are left to :mod:`convproof.verify.unroll`.

    >>> i, n = sp.Symbol("i", integer=True), sp.Symbol("n", integer=True, positive=True)
    >>> evaluated(sp.Sum(i, (i, 1, n)))
    n**2/2 + n/2
    """
    if not isinstance(expr, sp.Basic):
        return expr
    # a sum's index carries no sign: sum_{i=0}^{n-1} with a declared positive i would contradict itself
    expr = expr.replace(
        lambda e: isinstance(e, (sp.Sum, sp.Product)),
        lambda e: e.xreplace({v: sp.Symbol(v.name, integer=True) for v, *_ in e.limits if isinstance(v, sp.Symbol)}),
    )
    kinds = (sp.Integral, sp.Limit, sp.Derivative, sp.Product, sp.Sum)
    if not expr.has(sp.Indexed):
        for _ in range(3):
            if not expr.has(*kinds):
                break
            expr = expr.doit()
        if isinstance(expr, sp.Piecewise) and expr.args and expr.args[-1].cond == sp.true:
            # a sum to n, done for every n: the last branch is the general one when n >= 1 is known
            expr = sp.piecewise_fold(expr)
    # floor((n + 1)/3) as written, not floor(n/3 + 1/3): float64 divides an integer exactly at the kinks
    expr = expr.replace(
        lambda e: isinstance(e, (sp.floor, sp.ceiling)) and e.args[0].is_Add, lambda e: type(e)(sp.together(e.args[0]))
    )
    return _gamma_forms(expr)


def admit_value(expr, latex: str) -> None:
    """Refuse, in one line, a formula that has no real value to compare."""
    what = None
    if isinstance(expr, (sp.MatrixBase, sp.matrices.expressions.MatrixExpr)):
        what = "a matrix; convproof check compares scalar formulas (write one entry at a time)"
    elif isinstance(expr, sp.Set):
        what = "a set; write the formula without set braces \\{ \\}"
    elif isinstance(expr, (sp.Rel, sp.logic.boolalg.Boolean)) and not isinstance(expr, sp.Expr):
        what = "a relation or a condition, not a value; write each side as its own formula (A --against B)"
    elif not isinstance(expr, (sp.Expr, sp.Tuple)):
        what = f"a {type(expr).__name__}, not a value"
    elif expr.has(sp.zoo, sp.nan):
        what = "undefined (a division by zero or 0/0)"
    elif isinstance(expr, sp.Expr) and expr.is_number and expr.is_extended_real is False:
        what = f"not a real number (it is {sp.sstr(expr)}); convproof check compares real-valued formulas"
    if what is not None:
        raise BadInputError(f"the formula {shown(latex, 80)} is {what}")
