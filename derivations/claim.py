"""The claim record: what the report says, and what it should say.

A claim is pure data, built once by its topic module and never mutated. The
verifier (``verify``) runs checks on it; nothing here decides a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import sympy as sp

__all__ = ["Claim", "Domain", "integers", "place", "reals"]


@dataclass(frozen=True)
class Domain:
    """How one symbol of a claim is sampled: integers or reals in [low, high]."""

    kind: Literal["integer", "real"]
    low: float
    high: float

    def __post_init__(self) -> None:
        if self.kind not in ("integer", "real"):
            raise ValueError(f"domain kind must be 'integer' or 'real', not {self.kind!r}")
        if not self.low <= self.high:
            raise ValueError(f"domain needs low <= high, got [{self.low}, {self.high}]")


def integers(low: int, high: int) -> Domain:
    """Integers in ``[low, high]``.

    >>> integers(1, 9)
    Domain(kind='integer', low=1, high=9)
    """
    return Domain("integer", low, high)


def reals(low: float, high: float) -> Domain:
    """Reals in ``[low, high]``.

    >>> reals(-5, 5).kind
    'real'
    """
    return Domain("real", low, high)


def place(question: str, part: str = "", detail: str = "") -> dict[str, str]:
    """The ``question``, ``part`` and display ``where`` of a claim, the last made from the first two.

    >>> place("Q2", "b", "generalised")
    {'question': 'Q2', 'part': 'b', 'where': 'Q2(b), generalised'}
    """
    where = question + (f"({part})" if part else "") + (f", {detail}" if detail else "")
    return {"question": question, "part": part, "where": where}


@dataclass(frozen=True)
class Claim:
    """One closed-form claim of the report (or an extension beyond it).

    Attributes:
        id: dotted id, topic first (``dilated.rf_closed_form``).
        where: its place in the report, for display only (``Q2(b), generalised``).
        question: the question it answers (``Q2``); renderers group by it. Every claim of a
            report has one (the registry checks); a formula checked alone has none.
        part: the part of the question (``b``; ``table row 5`` for a cell of Q3's table;
            empty when the claim is about the question as a whole).
        source: the report's own text, verbatim; ``None`` for an extension.
        statement: the SymPy object parsed from ``source`` (an expression,
            ``Eq`` or a tuple of the sides of a chain); ``None`` for prose.
        claimed: the parts of the statement that must each equal
            ``reference``, as ``(label, expression)`` pairs.
        reference: the independent derivation of the right value.
        readable: the reference written in the report's own intermediate
            quantities (``z_j`` rather than the inputs), when that is much
            shorter; shown in the report and used in corrections. The topic's
            tests prove it equals ``reference``.
        lhs: LaTeX of the quantity the claim is about (``RF_i``), used to
            write a correction as ``lhs = reference``.
        domain: how to sample every free symbol of ``claimed``/``reference``.
        constraint: a SymPy boolean the samples must satisfy (valid geometry).
        alternatives: other independent derivations of ``reference``
            (``(method, expression)``); the verifier requires they agree.
        brute: a function of one instance (symbol name -> number) that
            computes the true value by simulation, not by formula.
        condition: a SymPy boolean, derived (not typed in), under which the
            statement holds although it fails in general.
        conventions: named readings other than the framework default, as
            ``(name, hook)``; ``hook(size, rng) -> Outcome`` checks the claim under that
            reading (another framework's convention, inputs off a learned subspace...).
            A claim that fails under the default but passes one is conditional, with
            the convention named; the hook decides, the name only describes.
        depends_on: ids of claims whose quantities this one is written in (Q4(c) in
            the alpha_j of Q4(b)): the report says when those are refuted.
        tolerance: (rtol, atol) for sampled comparisons.
        prover: a symbolic proof made for this claim, ``prover() -> Outcome``,
            run by the symbolic tier instead of ``simplify(claimed - reference)``
            (which can take seconds on piecewise expressions), e.g. a case
            split over the regions between the kinks of a max/ReLU network.
        certified: hook of the certified tier, ``certified() -> Outcome``.
        oracle: hook of the PyTorch tier, ``oracle(size, rng) -> Outcome | None``
            (``None`` when torch is missing: the tier is skipped; see
            :func:`convproof.derivations.checks.torch_oracle.torch_hook`).
        checks: further checks as ``(tier, fn)`` with ``fn(size, rng) -> Outcome``,
            e.g. finite differences or a kink-aware test. Every hook returns an
            :class:`~convproof.derivations.outcome.Outcome`, with a
            :class:`~convproof.derivations.outcome.Counterexample` when it fails.
        derivation: ``(caption, SymPy object)`` steps shown in the report.
        note: how the claim was read (conventions, interpretation).
        extension: ``True`` for a claim the toolkit adds beyond the report.
        reread: ``reread(text) -> Claim``: the same claim built from another text (a student's
            formula for the same quantity), by the topic's own builder: same reference, domain,
            checks and hooks, statement and claimed parts parsed from ``text``; set by the
            builder, ``None`` where the claim cannot be read from another text (prose, say).
            :mod:`convproof.derivations.claims.homework` collects them.
        prose: for a qualitative claim, a summary of what it says.
        renamed: another report's own names read as the homework's, ``(theirs, ours)``: a sum's
            index and limit, a function's argument (:mod:`convproof.derivations.claims.renaming`).
    """

    id: str
    where: str
    source: str | None
    question: str = ""
    part: str = ""
    statement: Any = None
    claimed: tuple[tuple[str, sp.Basic], ...] = ()
    reference: sp.Basic | None = None
    readable: sp.Basic | None = None
    lhs: str = ""
    domain: Mapping[sp.Symbol, Domain] = field(default_factory=dict)
    constraint: sp.Basic | None = None
    alternatives: tuple[tuple[str, sp.Basic], ...] = ()
    brute: Callable[..., Any] | None = None
    condition: sp.Basic | None = None
    conventions: tuple[tuple[str, Callable[..., Any]], ...] = ()
    depends_on: tuple[str, ...] = ()
    tolerance: tuple[float, float] = (1e-9, 1e-12)
    prover: Callable[..., Any] | None = None
    certified: Callable[..., Any] | None = None
    oracle: Callable[..., Any] | None = None
    checks: tuple[tuple[str, Callable[..., Any]], ...] = ()
    derivation: tuple[tuple[str, Any], ...] = ()
    note: str = ""
    extension: bool = False
    prose: str = ""
    topic: str = ""
    reread: Callable[[str], Claim] | None = None
    renamed: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not self.id or "." not in self.id:
            raise ValueError(f"claim id must be dotted, topic first (got {self.id!r})")
        if self.extension and self.source is not None:
            raise ValueError(f"{self.id}: an extension has no source in the report")
        if not self.extension and not self.source:
            raise ValueError(f"{self.id}: a claim of the report needs its verbatim source")
        if self.question and not re.fullmatch(r"Q[1-9]", self.question):
            raise ValueError(f"{self.id}: question must be Q1 to Q9, or empty outside a report (got {self.question!r})")
        if self.claimed and self.reference is None:
            raise ValueError(f"{self.id}: claimed parts need a reference to be checked against")

    @property
    def is_prose(self) -> bool:
        """True when the claim is qualitative: listed, not judged."""
        hooks = (self.certified, self.oracle)
        return not self.claimed and all(h is None for h in hooks) and not self.checks and not self.conventions

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        """The sampled symbols, in a stable order (by name)."""
        return tuple(sorted(self.domain, key=lambda s: s.name))
