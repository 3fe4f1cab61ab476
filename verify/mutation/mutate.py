"""Mutants of a SymPy expression: small, plausible mistakes, to prove that the checks catch them.

Each operator changes one node of the expression tree (one occurrence, by
its position), the way a formula is typically got wrong:

- ``constant``: a non-integer number (or pi, e) scaled by 1 +- 10^-3;
- ``integer``: an integer +- 1 (an exponent, an index, a limit, a threshold);
- ``floor-ceiling``: floor and ceiling swapped;
- ``drop-factor``: one factor of a product left out;
- ``double``: a product (or the whole expression) doubled;
- ``sign``: one term of a sum (or the whole expression) negated;
- ``max-args``: one argument of a max or min left out, or max and min swapped
  (ReLU and max-pooling count as max);
- ``condition``: a Piecewise condition negated, or its relations made strict
  or non-strict (the side a kink belongs to).

:func:`mutants` enumerates them in a fixed order (pre-order over the tree,
operators in the order above), without mutants equal to the expression or
to an earlier mutant; the same expression gives the same list in any process.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import sympy as sp

from ...derivations.errors import BadInputError

__all__ = ["OPERATORS", "Mutant", "mutants"]

OPERATORS = ("constant", "integer", "floor-ceiling", "drop-factor", "double", "sign", "max-args", "condition")
RELATIVE = sp.Rational(1, 1000)
_STRICTNESS = {sp.StrictGreaterThan: sp.GreaterThan, sp.GreaterThan: sp.StrictGreaterThan}
_STRICTNESS |= {sp.StrictLessThan: sp.LessThan, sp.LessThan: sp.StrictLessThan}

Path = tuple[int, ...]


@dataclass(frozen=True)
class Mutant:
    """One mutant: which operator, where (the path of argument positions from the root), what changed."""

    operator: str
    path: Path
    before: sp.Basic
    after: sp.Basic
    expr: sp.Basic

    def describe(self) -> str:
        """``operator at path: before -> after``, in SymPy's plain printing.

        >>> x = sp.Symbol("x")
        >>> mutants(2 * x)[0].describe()
        'drop-factor at (): 2*x -> x'
        """
        return f"{self.operator} at {self.path}: {sp.sstr(self.before)} -> {sp.sstr(self.after)}"


def _nodes(expr: sp.Basic, path: Path = ()) -> Iterator[tuple[Path, sp.Basic]]:
    yield path, expr
    for position, arg in enumerate(expr.args):
        if isinstance(arg, sp.Basic):
            yield from _nodes(arg, (*path, position))


def _replace(expr: sp.Basic, path: Path, new: sp.Basic) -> sp.Basic:
    if not path:
        return new
    args = list(expr.args)
    args[path[0]] = _replace(args[path[0]], path[1:], new)
    return expr.func(*args)


def _as_max(node: sp.Basic) -> sp.Basic | None:
    """``node`` as a Max or Min (a ReLU or a max-pool rewritten), or None."""
    if isinstance(node, (sp.Max, sp.Min)):
        return node
    if isinstance(node, sp.Function) and hasattr(node, "_eval_rewrite_as_Max"):
        rewritten = node._eval_rewrite_as_Max(*node.args)  # this node only: its arguments stay as they are
        if isinstance(rewritten, (sp.Max, sp.Min)):
            return rewritten
    return None


def _flip_relations(condition: sp.Basic) -> sp.Basic:
    return condition.replace(lambda e: type(e) in _STRICTNESS, lambda e: _STRICTNESS[type(e)](*e.args))


def _changes(node: sp.Basic, root: bool) -> Iterator[tuple[str, sp.Basic]]:
    """(operator, replacement) for one node, in the order of OPERATORS."""
    if isinstance(node, sp.Integer):
        yield from (("integer", node + 1), ("integer", node - 1))
    elif isinstance(node, (sp.Rational, sp.Float, sp.NumberSymbol)):
        yield from (("constant", node * (1 + RELATIVE)), ("constant", node * (1 - RELATIVE)))
    if isinstance(node, sp.floor):
        yield "floor-ceiling", sp.ceiling(*node.args)
    elif isinstance(node, sp.ceiling):
        yield "floor-ceiling", sp.floor(*node.args)
    if isinstance(node, sp.Mul):
        for position in range(len(node.args)):
            yield "drop-factor", sp.Mul(*(arg for n, arg in enumerate(node.args) if n != position))
    if isinstance(node, sp.Expr) and (isinstance(node, sp.Mul) or root) and not node.is_Number:
        yield "double", 2 * node
    if isinstance(node, sp.Add):
        for position in range(len(node.args)):
            yield "sign", sp.Add(*(-arg if n == position else arg for n, arg in enumerate(node.args)))
    elif root and isinstance(node, sp.Expr) and not node.is_Number:
        yield "sign", -node
    if (as_max := _as_max(node)) is not None:
        args = as_max.args
        for position in range(len(args)):
            rest = [arg for n, arg in enumerate(args) if n != position]
            yield "max-args", as_max.func(*rest) if len(rest) > 1 else rest[0]
        yield "max-args", (sp.Min if isinstance(as_max, sp.Max) else sp.Max)(*args)
    if isinstance(node, sp.Piecewise):
        for position, (value, condition) in enumerate(node.args):
            if condition in (sp.true, sp.false):
                continue
            for changed in (sp.Not(condition), _flip_relations(condition)):
                pieces = list(node.args)
                pieces[position] = (value, changed)
                yield "condition", sp.Piecewise(*pieces)


def mutants(expr: sp.Basic) -> list[Mutant]:
    """Every mutant of ``expr`` (a SymPy expression or a Tuple of them), in a fixed order.

    >>> k, d = sp.symbols("k d", positive=True, integer=True)
    >>> [m.expr for m in mutants(1 + d * (k - 1))][:4]
    [2*d*(k - 1) + 2, d*(k - 1) - 1, -d*(k - 1) + 1, d*(k - 1) + 2]
    >>> x = sp.Symbol("x", real=True)
    >>> [m.expr for m in mutants(sp.Piecewise((x, x > 0), (0, True))) if m.operator == "condition"]
    [Piecewise((x, x <= 0), (0, True)), Piecewise((x, x >= 0), (0, True))]
    """
    if not isinstance(expr, sp.Basic):
        raise BadInputError(f"can only mutate a SymPy expression, not {type(expr).__name__} {expr!r}")
    seen = {expr}
    out = []
    for path, node in _nodes(expr):
        for operator, new in _changes(node, root=not path):
            try:
                mutated = _replace(expr, path, new)
            except (TypeError, ValueError):
                continue  # a change SymPy cannot build (a Piecewise left without a default, say)
            if mutated in seen:
                continue
            seen.add(mutated)
            out.append(Mutant(operator, path, node, new, mutated))
    return out
