"""The registry: every claim of every topic module, listed explicitly.

Importing this module builds all claims once; a duplicate id fails here, at
import, naming both places it was defined.
"""

from __future__ import annotations

import difflib
import fnmatch
import importlib

from derivations.claim import Claim
from derivations.errors import UnknownClaimError

__all__ = ["CLAIMS", "TOPICS", "all_claims", "get", "select"]

# The topic modules, in the order of the report. Add a module here to register its claims.
TOPICS: tuple[str, ...] = (
    "derivations.metrics",  # Q1(a)
    "derivations.activations",  # Q1(b) and both charts
    "derivations.dropout",  # Q1(c)
    "derivations.batchnorm",  # Q1(d)
    "derivations.autoencoder",  # Q1(e)
    "derivations.dilated",  # Q2
    "derivations.cnn_table",  # Q3
    "derivations.conv_grads",  # Q4
)


def _build() -> dict[str, Claim]:
    claims: dict[str, Claim] = {}
    for name in TOPICS:
        module = importlib.import_module(name)
        for claim in module.claims():
            if claim.id in claims:
                raise RuntimeError(f"duplicate claim id {claim.id!r} (in {name} and {claims[claim.id].topic})")
            if claim.id.split(".")[0] != module.TOPIC:
                raise RuntimeError(f"claim {claim.id!r} in {name} must start with its topic {module.TOPIC!r}")
            object.__setattr__(claim, "topic", name)
            claims[claim.id] = claim
    return claims


CLAIMS: dict[str, Claim] = _build()


def all_claims() -> tuple[Claim, ...]:
    """Every registered claim, in report order."""
    return tuple(CLAIMS.values())


def get(claim_id: str) -> Claim:
    """The claim with this id; an unknown id lists the close matches.

    >>> get("dilated.rf_closed_form").where
    'Q2(b)'
    """
    try:
        return CLAIMS[claim_id]
    except KeyError:
        close = difflib.get_close_matches(str(claim_id), list(CLAIMS), n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else "run 'convproof claims' for the list"
        raise UnknownClaimError(f"no claim with id {claim_id!r}; {hint}") from None


def select(pattern: str | None = None) -> tuple[Claim, ...]:
    """Claims whose id matches a glob pattern (or contains it as a substring).

    >>> len(select("dilated.rf_layer*"))
    3
    """
    if not pattern:
        return all_claims()
    glob = pattern if any(ch in pattern for ch in "*?[") else f"*{pattern}*"
    chosen = tuple(c for c in CLAIMS.values() if fnmatch.fnmatchcase(c.id, glob))
    if not chosen:
        raise UnknownClaimError(f"no claim id matches {pattern!r}; run 'convproof claims' for the list")
    return chosen
