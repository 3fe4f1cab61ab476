"""Topic module: cnn_table (claims to be encoded)."""

from __future__ import annotations

TOPIC = "cnn_table"


def claims() -> tuple:
    """Every claim of this topic."""
    return ()
