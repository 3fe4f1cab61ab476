"""Topic module: metrics (claims to be encoded)."""

from __future__ import annotations

TOPIC = "metrics"


def claims() -> tuple:
    """Every claim of this topic."""
    return ()
