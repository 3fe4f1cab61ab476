"""Topic module: activations (claims to be encoded)."""

from __future__ import annotations

TOPIC = "activations"


def claims() -> tuple:
    """Every claim of this topic."""
    return ()
