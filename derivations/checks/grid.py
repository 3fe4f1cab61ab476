"""A dense grid check for a claim about a function of x: where do claim and reference differ most?

:func:`largest_disagreement` evaluates both on 24001 points of the window
[-6, 6], with every other parameter fixed (``at``), and names the point of
largest |claimed - reference| as the counterexample: the worst case, which
the verdict shows rather than the first failing sample. Random sampling finds
a wrong formula too, but not where it is worst, nor a pole it misses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import sympy as sp

from ..errors import BadInputError
from ..lib.symbols import x
from ..outcome import Counterexample, Outcome
from .numeric import compile_expr
from .wording import tex_assignments, tex_fixed, tex_number

__all__ = ["GRID", "WINDOW", "fix_parameters", "largest_disagreement", "values_at"]

WINDOW = (-6.0, 6.0)
GRID = np.linspace(*WINDOW, 24001)


def values_at(expr: sp.Basic, points: np.ndarray) -> np.ndarray:
    """``expr``, a function of x alone, at every point (NaN or inf where it is undefined).

    >>> values_at(1 / x, np.array([-2.0, 4.0])).tolist()
    [-0.5, 0.25]
    """
    with np.errstate(all="ignore"):
        return np.broadcast_to(np.asarray(compile_expr(expr, [x])(points), dtype=float), points.shape)


def fix_parameters(expr: sp.Basic, at: Mapping[sp.Symbol, sp.Basic]) -> sp.Basic:
    """``expr`` with its parameters fixed by ``at``: a function of x alone, or BadInputError.

    >>> a = sp.Symbol("a")
    >>> fix_parameters(a * x, {a: 2})
    2*x
    """
    fixed = sp.sympify(expr).subs(at)
    extra = fixed.free_symbols - {x}
    if extra:
        raise BadInputError(f"fix every parameter of {expr} with 'at': {sorted(map(str, extra))} left")
    return fixed


def largest_disagreement(
    claimed: sp.Basic,
    reference: sp.Basic,
    at: Mapping[sp.Symbol, sp.Basic] | None = None,
    tolerance: tuple[float, float] = (1e-9, 1e-12),
) -> Callable[[int, np.random.Generator], Outcome]:
    """A check hook: where on the window [-6, 6] do claim and reference differ most?

    Both are evaluated on a grid of 24001 points (parameters fixed by ``at``);
    the point of largest |claimed - reference| is the counterexample.

    >>> hook = largest_disagreement(x / (1 + x), x / (1 + sp.Abs(x)))
    >>> result = hook(0, None)
    >>> result.passed, result.counterexample.instance["x"] < 0
    (False, True)
    """
    at = dict(at or {})

    def check(size: int, rng: np.random.Generator) -> Outcome:
        got, want = values_at(fix_parameters(claimed, at), GRID), values_at(fix_parameters(reference, at), GRID)
        undefined = ~np.isfinite(got) & np.isfinite(want)
        gap = np.where(undefined, 0.0, np.abs(got - want))
        gap = np.nan_to_num(gap, nan=0.0)
        worst = int(np.argmax(gap))
        rtol, atol = tolerance
        passed = bool(np.all(gap <= atol + rtol * np.abs(np.nan_to_num(want))))
        fixed = f", with ${tex_assignments(at.items())}$" if at else ""
        if gap[worst] == 0:
            detail = (
                "no difference where the claim is defined" if undefined.any() else "no difference on the grid"
            ) + fixed
        else:
            detail = f"largest difference ${tex_number(gap[worst], 6)}$ at $x = {tex_fixed(GRID[worst])}${fixed}"
        if undefined.any():
            count = int(undefined.sum())
            points = "1 grid point" if count == 1 else f"{count} grid points"
            detail += f"; as written undefined at {points}, e.g. $x = {tex_fixed(GRID[undefined][0])}$"
        counterexample = None
        if not passed:
            counterexample = Counterexample(
                {"x": float(GRID[worst]), **{str(s): float(v) for s, v in at.items()}},
                claimed=float(got[worst]),
                reference=float(want[worst]),
                part="largest disagreement",
            )
        return Outcome(
            f"grid of {GRID.size} points on $[{WINDOW[0]:g}, {WINDOW[1]:g}]$",
            passed,
            samples=int(GRID.size),
            max_abs_error=float(gap[worst]),
            tolerance=f"rtol={rtol:g}, atol={atol:g}",
            detail=detail,
            counterexample=counterexample,
            worst_case=counterexample is not None,  # the worst case, shown as the verdict's counterexample
        )

    return check
