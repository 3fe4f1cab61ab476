"""Why a mutant survived: proofs that it is the reference, or equal to it off ties.

A survivor of the mutation run (:mod:`convproof.verify.mutation.run`) is put
to a proof, in at most PROOF_SECONDS each: ``proven equivalent`` when
``mutant - reference`` is 0 (the arguments of its kinks abstracted, see
:func:`_abstracted_zero`): the same function, which nothing could kill;
``proven equal off ties`` when it is 0 once every tie is decided alike
(:func:`_off_ties`): the two differ only where a kink's argument is exactly
0, a null set that random instances do not hit and that the verifier leaves
to each claim's own kink checks. Otherwise it is unexplained.
"""

from __future__ import annotations

import signal

import sympy as sp

from ...derivations.claim import Claim
from ..tiers.symbolic import _components, zero_test
from .mutate import Mutant

__all__ = ["EQUIVALENT", "OFF_TIES", "PROOF_SECONDS", "survivor_proof"]

PROOF_SECONDS = 20  # per survivor and per attempt (equivalent, then equal off ties)
EQUIVALENT = "proven equivalent"
OFF_TIES = "proven equal off ties"

_CLOSED_TO_STRICT = {sp.GreaterThan: sp.StrictGreaterThan, sp.LessThan: sp.StrictLessThan}


def _abstracted_zero(difference: sp.Basic) -> bool | None:
    """The zero test with every argument of a max, min, step or |.| replaced by a fresh real symbol.

    Sound: a difference that is 0 for every value of the new symbols is 0 at the values the arguments take.
    Then the kinks are cases (Piecewise) of one or two symbols, which SymPy folds and simplifies in
    milliseconds, where the same cases over thirteen inputs take minutes or fail. Cases that overlap
    (x > 0 in one, x >= 0 in the other) are made exclusive, so that a case holding on the single point
    x = 0 is simplified there.

    >>> t, w = sp.symbols("t w", real=True)
    >>> relu = sp.Max(0, t + w)
    >>> zero_test((t + w - relu) * relu), _abstracted_zero((t + w - relu) * relu)
    (None, True)
    >>> _abstracted_zero(sp.Piecewise((t, t > 0), (0, True)) - sp.Piecewise((t, t >= 0), (0, True)))
    True
    """
    expr = difference.rewrite(sp.Max)
    inner = {arg for node in expr.atoms(sp.Max, sp.Min, sp.Heaviside, sp.Abs) for arg in node.args if not arg.is_Atom}
    fresh: dict[sp.Basic, sp.Basic] = {}
    for arg in sorted(inner, key=sp.default_sort_key):
        fresh[arg] = -fresh[-arg] if -arg in fresh else sp.Dummy(real=True)  # H(-d) and H(d): one symbol
    # xreplace for whole nodes, then subs, which also finds t + w inside t + w + 1
    folded = sp.piecewise_fold(sp.expand(expr.xreplace(fresh).subs(fresh)).rewrite(sp.Piecewise))
    result = zero_test(folded)
    if result is None and isinstance(folded, sp.Piecewise):
        exclusive = sp.simplify(sp.piecewise_exclusive(folded))
        pieces = exclusive.args if isinstance(exclusive, sp.Piecewise) else ((exclusive, sp.true),)
        if all(zero_test(value) is True for value, _ in pieces):
            return True
    return result


class _OutOfTime(Exception):
    pass


def _on_alarm(signum, frame):
    raise _OutOfTime


def _proven_zero(difference: sp.Basic) -> bool:
    """:func:`_abstracted_zero`, given at most PROOF_SECONDS (SymPy's simplify can run for many minutes)."""
    if not hasattr(signal, "SIGALRM"):  # no alarm clock (Windows): no time limit
        return _abstracted_zero(difference) is True
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(PROOF_SECONDS)
    try:
        return _abstracted_zero(difference) is True
    except _OutOfTime:
        return False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _off_ties(expr: sp.Basic) -> sp.Basic | None:
    """``expr`` with every tie decided alike: Heaviside(a, h) -> Heaviside(a, 1/2), a >= b -> a > b.

    That changes values only where a step's argument is 0 or a relation is an equality: a null set when
    each such argument is a non-constant expression of the inputs (None when one is constant).

    >>> x = sp.Symbol("x", real=True)
    >>> _off_ties(sp.Heaviside(x, 1) + sp.Piecewise((1, x >= 0), (0, True)))
    Piecewise((1, x > 0), (0, True)) + Heaviside(x)
    """
    steps = list(expr.atoms(sp.Heaviside))
    relations = list(expr.atoms(*_CLOSED_TO_STRICT, sp.StrictGreaterThan, sp.StrictLessThan))
    if any(not step.args[0].free_symbols for step in steps) or any(not (r.lhs - r.rhs).free_symbols for r in relations):
        return None
    expr = expr.replace(lambda e: isinstance(e, sp.Heaviside), lambda e: sp.Heaviside(e.args[0], sp.S.Half))
    return expr.replace(lambda e: type(e) in _CLOSED_TO_STRICT, lambda e: _CLOSED_TO_STRICT[type(e)](*e.args))


def _pairs(mutant: Mutant, claim: Claim) -> list[tuple[sp.Basic, sp.Basic]]:
    return list(zip(_components(mutant.expr), _components(claim.reference), strict=True))


def survivor_proof(mutant: Mutant, claim: Claim) -> str | None:
    """Why a survivor survived: EQUIVALENT (mutant - reference is 0), OFF_TIES (it is 0 once every tie
    is decided alike, so the two differ only on a null set: ties the sampled tier does not judge), or None.

    >>> x = sp.Symbol("x", real=True)
    >>> claim = Claim(id="t.relu", where="-", source="s", claimed=(("f", sp.Max(0, x)),), reference=sp.Max(0, x))
    >>> survivor_proof(Mutant("condition", (), x, x, sp.Piecewise((x, x > 0), (0, True))), claim)
    'proven equivalent'
    """
    pairs = _pairs(mutant, claim)
    if all(_proven_zero(part - want) for part, want in pairs):
        return EQUIVALENT
    tied = [(_off_ties(part), _off_ties(want)) for part, want in pairs]
    if all(a is not None and b is not None and _proven_zero(a - b) for a, b in tied):
        return OFF_TIES
    return None
