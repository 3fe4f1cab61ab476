"""Long sums read as their closed forms: a billion terms are never added one by one."""

from __future__ import annotations

import sympy as sp
from sympy.concrete.summations import eval_sum_symbolic

from ..errors import LatexParseError
from .limits import MAX_TERMS

__all__ = ["long_sums"]


def long_sums(expr: sp.Basic, quoted: str) -> sp.Basic:
    """Sums of more than :data:`MAX_TERMS` terms with numeric limits replaced by their closed forms.

    SymPy (``Sum.doit``) and lambdify both add such a sum term by term, a Python loop of a
    billion steps for ``\\sum_{i=1}^{10^{9}} i``. The closed form is found for a symbolic
    upper limit and must be a rational function of it (so that substituting the limit
    costs nothing); a long sum without one, or a long product, is refused.

    >>> i = sp.Symbol("i", integer=True)
    >>> long_sums(sp.Sum(i, (i, 1, 10**9)), "'...'")
    500000000500000000
    """
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum, sp.Product):
        return expr

    def closed(total: sp.Basic) -> sp.Basic:
        terms = 1
        for _, low, high in total.limits:
            if not (low.is_Integer and high.is_Integer):
                return total
            terms *= max(int(high) - int(low) + 1, 0)
        if terms <= MAX_TERMS:
            return total
        form = None
        if isinstance(total, sp.Sum) and len(total.limits) == 1:
            (index, low, high), top = total.limits[0], sp.Dummy("n", integer=True)
            form = eval_sum_symbolic(total.function.expand(), (index, low, top))
            if form is not None and form.is_rational_function(top) and not form.has(sp.Sum, sp.Product):
                return form.subs(top, high)
        kind = "sum" if isinstance(total, sp.Sum) else "product"
        raise LatexParseError(
            f"the LaTeX {quoted} has a {kind} of {terms:,} terms with no closed form the front can use; it adds or "
            f"multiplies at most {MAX_TERMS:,} terms one by one: write the bound as a declared symbol"
        )

    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), closed)
