"""Judge a formula someone writes: against a claim's reference, or against another formula.

Nothing new decides here: the formula is parsed by the LaTeX front, put into
a :class:`~convproof.derivations.claim.Claim` (``dataclasses.replace`` of the claim it
is checked against, or a fresh one for two formulas) and run through the
same tiers by :func:`convproof.verify.runner.run_claim`, which alone sets the status.

>>> check_latex(r"k + (k - 1)(d - 1)", "dilated.effective_kernel", samples=200).status
'verified'
>>> compare_latex(r"N - kd + d", r"N - d(k - 1) + 1", assume="N, k, d: positive integer", samples=200).status
'refuted'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

import sympy as sp

from ..derivations.claim import Claim, Domain
from ..derivations.claims import registry
from ..derivations.errors import BadInputError, ConvproofError, LatexParseError, UnknownSymbolError
from ..derivations.latex.front import parse, parse_shape, split_chain
from .assume import DEFAULT_REAL, bounded_names, describe, parse_assumptions
from .check_read import FUNCTIONS, admit_value, derivative_of, evaluated, pretext
from .check_run import run_probe
from .check_verdict import DEFAULT_TIME_LIMIT, guarded
from .results import Verdict
from .runner import DEFAULT_SAMPLES

__all__ = ["check_latex", "claim_names", "compare_latex", "parse_assumptions"]


def _words(names: Mapping[str, sp.Basic]) -> list[str]:
    """Multi-letter names (``RF`` of ``RF_i``) that the LaTeX front must keep whole."""
    out = []
    for name in names:
        base = name.split("_")[0]
        if len(base) > 1 and base.isalpha() and not sp.latex(sp.Symbol(base)).startswith("\\"):
            out.append(base)
    return out


def claim_names(claim: Claim) -> dict[str, sp.Basic]:
    """The names a formula checked against ``claim`` may use: symbol name -> symbol.

    An indexed base of the reference is named as the parser names it
    (``\\hat{y}`` as ``hat{y}``), so ``\\hat{y}_i`` reads as ``hat{y}[i]``.

    >>> sorted(claim_names(registry.get("dilated.rf_closed_form")))
    ['d', 'i', 'k']
    >>> sorted(claim_names(registry.get("metrics.mse")))
    ['\\\\hat{y}', 'hat{y}', 'i', 'n', 'y']
    """
    names: dict[str, sp.Basic] = {sym.name: sym for sym in claim.domain}
    reference = sp.sympify(claim.reference if claim.reference is not None else 0)
    bases = {atom.base for atom in reference.atoms(sp.Indexed)}
    for base in bases:
        for name in {base.label.name, base.label.name.lstrip("\\")}:
            names.setdefault(name, base)
    labels = {base.label for base in bases}
    indices = {var for total in reference.atoms(sp.Sum, sp.Product) for var, *_ in total.limits}
    for sym in (reference.free_symbols | indices) - labels:
        if isinstance(sym, sp.Symbol):
            names.setdefault(sym.name, sym)
    return names


def _key(latex: str) -> str:
    return re.sub(r"\\left|\\right|[\s{}]", "", latex)


def _functions(names: Mapping[str, sp.Basic] | None) -> dict:
    return {name: f for name, f in FUNCTIONS.items() if names is None or name not in names}


def _side(text: str, names: Mapping[str, sp.Basic], words, functions) -> sp.Basic:
    """One side, read and evaluated: ``\\frac{d}{dx} f`` differentiated, sums and integrals done."""
    if (found := derivative_of(text)) is not None:
        var, rest = found
        if var not in names:
            raise UnknownSymbolError(f"the derivative in {text!r} is with respect to {var}, which is not declared")
        expr = sp.diff(_side(rest, names, words, functions), names[var])
    else:
        expr = parse(text, names, words=words, functions=functions)
    admit_value(expr, text)
    expr = evaluated(expr)
    admit_value(expr, text)
    return expr


def _read(step, latex: str):
    """``step()``; a failure that is not one of ours is still bad input, in one line."""
    try:
        return step()
    except ConvproofError:
        raise
    except RecursionError:
        raise LatexParseError(f"the formula {latex[:80]!r} nests too deeply to read") from None
    except Exception as exc:
        message = " ".join(str(exc).split())[:120]
        raise LatexParseError(f"cannot read the formula {latex[:80]!r} ({type(exc).__name__}: {message})") from None


def _parts(
    latex: str, names: Mapping[str, sp.Basic], functions: dict, *, shape: bool = False, drop: frozenset = frozenset()
):
    """The sides of the user's formula: (statement, claimed parts, notes).

    A first side naming the quantity (in ``drop``, or one that the declared
    names cannot read, such as ``f(x)``) is the name, not a value: dropped.
    """
    if not isinstance(latex, str):
        raise BadInputError(f"the formula must be LaTeX text, not {type(latex).__name__}")
    words = _words(names)
    sides, notes = split_chain(pretext(latex)), []
    if len(sides) > 1 and _key(sides[0]) not in drop:
        try:
            _side(sides[0], names, words, functions)
        except ConvproofError:
            drop = drop | {_key(sides[0])}
            notes.append(f"read {sides[0]} as the name of the quantity")
    if len(sides) > 1 and _key(sides[0]) in drop:
        sides = sides[1:]
    if shape:
        parsed = tuple(parse_shape(side, names, words=words) for side in sides)
    else:
        parsed = tuple(_side(side, names, words, functions) for side in sides)
    labels = ["formula"] if len(parsed) == 1 else [f"side {n}" for n in range(1, len(parsed) + 1)]
    return parsed, tuple(zip(labels, parsed, strict=True)), tuple(notes)


def _require_domain(parts, reference, domain: Mapping[sp.Symbol, Domain], what: str) -> None:
    exprs = [sp.sympify(e) for _, e in parts] + [sp.sympify(reference)]
    if any(e.has(sp.Indexed) for e in exprs):
        return  # general-size formulas: the symbolic tier judges them, the sampled tier skips them
    needed = set().union(*(e.free_symbols for e in exprs))
    missing = sorted(s.name for s in needed if isinstance(s, sp.Symbol) and s not in domain)
    if missing:
        raise BadInputError(f"{what} has no sampling domain for {', '.join(missing)}; write it without them")


def check_latex(
    latex: str,
    claim: Claim | str,
    *,
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    limit: float | None = DEFAULT_TIME_LIMIT,
) -> Verdict:
    """Is ``latex`` equal to the reference of ``claim`` (an id or a Claim)?

    The formula may use the claim's own symbols; ``A = B = C`` checks every
    side, and a first side naming the claim's quantity (``RF_i =``) is
    dropped; the report's own text of the claim is read as the claim reads it.
    The verdict is the claim's, with the formula as its source; ``limit``
    seconds end the check in an undecided verdict.

    >>> v = check_latex(r"RF_i = 1 + (i + 1)d(k - 1)", "dilated.rf_closed_form", samples=200)
    >>> v.status, sorted(v.counterexample.instance)
    ('refuted', ['d', 'i', 'k'])
    """
    claim = registry.get(claim) if isinstance(claim, str) else claim
    if claim.reference is None:
        raise BadInputError(f"claim {claim.id!r} is qualitative: it has no reference to check a formula against")
    if not isinstance(latex, str):
        raise BadInputError(f"the formula must be LaTeX text, not {type(latex).__name__}")
    learned: list[str] = []

    def work() -> Verdict:
        if claim.source and claim.claimed and _key(latex) == _key(claim.source):
            statement, parts = claim.statement, claim.claimed
            notes: tuple[str, ...] = ("the report's own text of the claim, read as the claim reads it",)
        else:
            names = claim_names(claim)
            drop = {_key(claim.lhs)} if claim.lhs else set()
            if claim.source and len(split_chain(claim.source)) > 1:
                drop.add(_key(split_chain(claim.source)[0]))
            shape = isinstance(claim.reference, (sp.Tuple, tuple))
            statement, parts, notes = _read(
                lambda: _parts(latex, names, _functions(names), shape=shape, drop=frozenset(drop)), latex
            )
            statement = statement if len(statement) > 1 else statement[0]
        _require_domain(parts, claim.reference, claim.domain, f"claim {claim.id!r}")
        probe = replace(
            claim,
            source=latex,
            extension=False,
            statement=statement,
            claimed=parts,
            alternatives=(),
            prover=None,
            checks=(),
            certified=None,
            oracle=None,
            condition=None,
        )
        verdict, probe, how = run_probe(
            probe, samples=samples, seed=seed, wide=frozenset(), bounded=False, learned=learned
        )
        domain = "; ".join(f"{s.name}: {describe(probe.domain[s])}" for s in probe.symbols)
        sampled = (f"sampled {domain}",) if domain else ()
        return replace(verdict, notes=(f"checked against the reference of {claim.id}", *notes, *how, *sampled))

    return guarded(latex, work, limit=limit, learned=learned)


class _Reals(Mapping):
    """Every name the parser produces, taken as a real symbol (no ``--assume`` given)."""

    def __init__(self) -> None:
        self._made: dict[str, sp.Symbol] = {}

    def __getitem__(self, name: str) -> sp.Symbol:
        return self._made.setdefault(name, sp.Symbol(name, real=True))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str)

    def __iter__(self) -> Iterator[str]:
        return iter(self._made)

    def __len__(self) -> int:
        return len(self._made)


def compare_latex(
    latex: str,
    other: str,
    *,
    assume: str | None = None,
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    limit: float | None = DEFAULT_TIME_LIMIT,
) -> Verdict:
    """Is ``latex`` (one formula or a chain ``A = B``) equal to the formula ``other``?

    ``assume`` declares the symbols (see :func:`parse_assumptions`); then a
    name not declared is an error. Without it, every name is a real in [-5, 5].
    A symbol with no declared range is also tried at wide magnitudes (up to 10^6)
    and every symbol at the kinks of floor, ceiling, sign, |.|, max and min;
    ``limit`` seconds end the check in an undecided verdict.

    >>> compare_latex(r"k + (k - 1)(d - 1)", r"1 + d(k - 1)", assume="k, d: positive integer", samples=200).status
    'verified'
    """
    declared = parse_assumptions(assume) if assume is not None else None
    if not isinstance(other, str):
        raise BadInputError(f"the formula to compare against must be LaTeX text, not {type(other).__name__}")
    bounded = bounded_names(assume) if assume is not None else set()
    learned: list[str] = []

    def work() -> Verdict:
        names: Mapping[str, sp.Basic] = {n: sym for n, (sym, _) in declared.items()} if declared else _Reals()
        statement, parts, notes = _read(lambda: _parts(latex, names, _functions(declared)), latex)
        words = _words(names) if declared else ()
        reference = _read(lambda: _side(pretext(other), names, words, _functions(declared)), other)
        by_symbol = {sym: dom for sym, dom in declared.values()} if declared else {}
        used = set().union(*(e.free_symbols for _, e in parts), reference.free_symbols)
        domain = {sym: by_symbol.get(sym, DEFAULT_REAL) for sym in sorted(used, key=lambda s: s.name)}
        _require_domain(parts, reference, domain, "the formula")
        probe = Claim(
            id="check.formula",
            where="convproof check",
            source=latex,
            statement=statement if len(statement) > 1 else statement[0],
            claimed=parts,
            reference=reference,
            domain=domain,
        )
        wide = frozenset(s for s in domain if s.name not in bounded)
        every = bool(domain) and all(s.name in bounded for s in domain)
        verdict, probe, how = run_probe(probe, samples=samples, seed=seed, wide=wide, bounded=every, learned=learned)
        sampled = "; ".join(f"{s.name}: {describe(dom)}" for s, dom in probe.domain.items()) or "nothing"
        if wide & set(probe.domain):
            sampled += f"; also magnitudes up to 1e6 for {', '.join(sorted(s.name for s in wide))}"
        return replace(verdict, notes=(f"compared with {other}", *notes, *how, f"sampled {sampled}"))

    return guarded(latex, work, limit=limit, learned=learned)
