"""A small fake set of the homework's quantities (the interface of derivations/claims/homework.py).

Built from the registry's formula claims: lhs regexes from the claim's ``lhs``, words from its
place, ``build`` reading another text with the checker's reader. Used while the real module is
not there, and by the unit tests of the reader and locator, which must not depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from convproof.derivations.claim import Claim
from convproof.derivations.claims import registry
from convproof.verify import check as C

_WRAPPED = re.compile(r"\\(?:text|mathrm|operatorname)\{([^{}]*)\}")


@dataclass(frozen=True)
class Quantity:
    id: str
    question: str
    part: str
    title: str
    lhs: tuple[str, ...]
    words: tuple[str, ...]
    build: Callable[[str], Claim]


def _builder(claim: Claim):
    def build(text: str) -> Claim:
        if claim.source and C._key(text) == C._key(claim.source):
            return replace(claim, source=text)
        names = C.claim_names(claim)
        drop = {C._key(claim.lhs)} if claim.lhs else set()
        shape = isinstance(claim.reference, tuple) or getattr(claim.reference, "is_Tuple", False)
        statement, parts, _ = C._read(
            lambda: C._parts(text, names, C._functions(names), shape=shape, drop=frozenset(drop)), text
        )
        return replace(
            claim,
            source=text,
            statement=statement,
            claimed=parts,
            alternatives=(),
            prover=None,
            checks=(),
            certified=None,
            oracle=None,
            condition=None,
            conventions=(),
        )

    return build


def _lhs(claim: Claim) -> tuple[str, ...]:
    if not claim.lhs or claim.lhs.startswith("\\text{output") or claim.lhs.startswith("\\text{param"):
        return ()
    plain = re.sub(r"\s+", "", claim.lhs)
    out = [re.escape(plain), re.escape(_WRAPPED.sub(r"\1", plain))]
    if claim.id.startswith("activations.") and claim.source and claim.source.startswith("f(x)"):
        out.append(r"f\(x\)")
    return tuple(dict.fromkeys(out))


def fake_quantities(pattern: str | None = None) -> tuple[Quantity, ...]:
    out = []
    for claim in registry.select(pattern):
        if claim.is_prose or claim.extension or claim.reference is None or not claim.source:
            continue
        words = [w.lower() for w in re.split(r"[,:]\s*", claim.where)[1:] if w and "row" not in w]
        words += [w for w in ("tanh", "sigma", "erf", "Phi") if w in (claim.source or "")]
        if claim.id.startswith("cnn_table.") and claim.id.endswith(".shape"):
            words += ["output", "shape", "ابعاد خروجی"]
        if claim.id.startswith("cnn_table.") and claim.id.endswith(".params"):
            words += ["parameters", "پارامتر"]
        words = tuple(words)
        out.append(Quantity(claim.id, claim.question, claim.part, claim.where, _lhs(claim), words, _builder(claim)))
    return tuple(out)
