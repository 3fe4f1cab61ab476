"""Mathematics as people write it: the audit's LaTeX printer.

SymPy's own printer writes what SymPy computes with: ``\\theta\\left(z_1 - z_2, 1\\right)``
for a step with its value at 0 as a second argument, ``\\frac{2 w_1 \\ldots + 2 w_2 \\ldots}{2}``
left unsimplified. The audit prints a step as an Iverson bracket, ``[z_1 \\geq z_2]``, which
says in the bracket itself what happens at the tie, and it pulls common factors out of sums.

>>> a, b = sp.symbols("z_1 z_2", real=True)
>>> latex(sp.Heaviside(a - b, 1)), latex(sp.Heaviside(b - a, 0)), latex(sp.Heaviside(a))
('\\\\left[z_{1} \\\\geq z_{2}\\\\right]', '\\\\left[z_{2} > z_{1}\\\\right]', '\\\\left[z_{1} > 0\\\\right] + \\\\tfrac{1}{2}\\\\left[z_{1} = 0\\\\right]')
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter

__all__ = ["latex", "tidy"]


def _sides(arg: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
    """``a - b`` as the two sides (a, b) of a comparison, positive terms on the left."""
    terms = sp.Add.make_args(sp.expand(arg))
    left = [t for t in terms if not t.could_extract_minus_sign()]
    right = [-t for t in terms if t.could_extract_minus_sign()]
    return sp.Add(*left), sp.Add(*right)


class _AuditPrinter(LatexPrinter):
    def _iverson(self, arg: sp.Basic, relation: str) -> str:
        left, right = _sides(arg)
        return rf"\left[{self._print(left)} {relation} {self._print(right)}\right]"

    def _print_Heaviside(self, expr, exp=None):
        arg = expr.args[0]
        at_zero = expr.args[1] if len(expr.args) > 1 else sp.S.Half
        if at_zero == 1:
            text = self._iverson(arg, r"\geq")
        elif at_zero == 0:
            text = self._iverson(arg, ">")
        else:
            # SymPy's default H(0) = 1/2 matches no framework: say so in the formula
            half = self._print(at_zero) if at_zero != sp.S.Half else r"\tfrac{1}{2}"
            text = self._iverson(arg, ">") + f" + {half}" + self._iverson(arg, "=")
        return rf"\left({text}\right)^{{{exp}}}" if exp else text


def tidy(expr: sp.Basic) -> sp.Basic:
    """``expr`` with common factors pulled out of sums, where that makes it shorter.

    >>> w, t = sp.symbols("w t")
    >>> tidy((2 * w * t + 2 * w) / 2)
    w*(t + 1)
    """
    if not isinstance(expr, sp.Basic) or isinstance(expr, (sp.Tuple, sp.Piecewise)) or expr.is_Relational:
        return expr
    factored = sp.factor_terms(expr)
    return factored if sp.count_ops(factored) <= sp.count_ops(expr) else expr


def latex(expr, **settings) -> str:
    """LaTeX of ``expr`` as the audit prints it (Iverson brackets, factored sums)."""
    if isinstance(expr, sp.Tuple):
        return r"\left(" + ", ".join(latex(e, **settings) for e in expr) + r"\right)"
    return _AuditPrinter(settings).doprint(tidy(expr) if isinstance(expr, sp.Basic) else expr)
