"""Topic module: autoencoder (claims to be encoded)."""

from __future__ import annotations

TOPIC = "autoencoder"


def claims() -> tuple:
    """Every claim of this topic."""
    return ()
