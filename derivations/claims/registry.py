"""The registry: every claim of every topic, listed explicitly, built on first use.

The first call to :func:`all_claims`, :func:`get` or :func:`select` imports the
topic modules and builds every claim once; a duplicate id fails then, naming both
topics that define it. The topics are imported by name on that first call, not when
this module is imported: a command that judges one formula (``convproof check``)
does not pay for the report's claims.
"""

from __future__ import annotations

import difflib
import fnmatch
import importlib
from functools import cache

from ..claim import Claim
from ..errors import UnknownClaimError

__all__ = ["TOPICS", "all_claims", "get", "select"]

# The topic modules of this package, in the order of the report. Add a module here to register
# its claims; a claim's id starts with its module's TOPIC.
TOPICS = (
    "metrics",  # Q1(a)
    "activations",  # Q1(b) and both charts
    "dropout",  # Q1(c)
    "batchnorm",  # Q1(d)
    "autoencoder",  # Q1(e)
    "dilated",  # Q2
    "cnn_table",  # Q3
    "conv_grads",  # Q4
)


@cache
def _claims() -> dict[str, Claim]:
    claims: dict[str, Claim] = {}
    for name in TOPICS:
        module = importlib.import_module(f".{name}", __package__)
        for claim in module.claims():
            if claim.id in claims:
                raise RuntimeError(f"duplicate claim id {claim.id!r} (in {module.TOPIC} and {claims[claim.id].topic})")
            if claim.id.split(".")[0] != module.TOPIC:
                raise RuntimeError(f"claim {claim.id!r} must start with its topic {module.TOPIC!r}")
            if not claim.question:
                raise RuntimeError(f"claim {claim.id!r} names no question of the homework")
            object.__setattr__(claim, "topic", module.TOPIC)
            claims[claim.id] = claim
    for claim in claims.values():
        unknown = [other for other in claim.depends_on if other not in claims]
        if unknown:
            raise RuntimeError(f"claim {claim.id!r} depends on unknown claims {unknown}")
    return claims


def all_claims() -> tuple[Claim, ...]:
    """Every registered claim, in report order."""
    return tuple(_claims().values())


def get(claim_id: str) -> Claim:
    """The claim with this id; an unknown id lists the close matches.

    >>> get("dilated.rf_closed_form").where
    'Q2(b)'
    """
    claims = _claims()
    try:
        return claims[claim_id]
    except KeyError:
        close = difflib.get_close_matches(str(claim_id), list(claims), n=3, cutoff=0.5)
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
    chosen = tuple(c for c in _claims().values() if fnmatch.fnmatchcase(c.id, glob))
    if not chosen:
        raise UnknownClaimError(f"no claim id matches {pattern!r}; run 'convproof claims' for the list")
    return chosen
