"""Topic module: batchnorm (claims to be encoded)."""

from __future__ import annotations

TOPIC = "batchnorm"


def claims() -> tuple:
    """Every claim of this topic."""
    return ()
