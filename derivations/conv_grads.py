"""Topic module: conv_grads (claims to be encoded)."""

from __future__ import annotations

TOPIC = "conv_grads"


def claims() -> tuple:
    """Every claim of this topic."""
    return ()
