"""Topic module: dropout (claims to be encoded)."""

from __future__ import annotations

TOPIC = "dropout"


def claims() -> tuple:
    """Every claim of this topic."""
    return ()
