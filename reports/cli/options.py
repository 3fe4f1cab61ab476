"""Argument types shared by the subcommands: each rejects bad values in one clear line.

Numbers are ASCII digits only (``--seed ٣`` and ``--seed 1_000`` are refused, though
Python's ``int`` reads them); an argument is quoted in a message cut to 40 characters.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

from ...derivations.latex.normalise import shown
from ..outputs import write_file

__all__ = ["MAX_SAMPLES", "dump_json", "positive_int", "samples", "seed"]

# 100,000 instances per claim take about 10 s for the slowest claims; beyond that memory, not
# confidence, is what grows (a billion instances needed 8 GB arrays).
MAX_SAMPLES = 100_000


def _digits(text: str, what: str) -> int:
    if not re.fullmatch(r"[0-9]{1,20}", text.strip()):
        raise argparse.ArgumentTypeError(f"expected {what}, got {shown(text, 40)} (digits 0-9 only)")
    return int(text)


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1.

    >>> positive_int("12")
    12
    """
    if text.strip().startswith("-") and re.fullmatch(r"-[0-9]{1,20}", text.strip()):
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text.strip()}")
    value = _digits(text, "a positive integer")
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return value


def samples(text: str) -> int:
    """argparse type: a number of random instances, 1 to :data:`MAX_SAMPLES`.

    >>> samples("200000")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected at most 100000 samples, got 200000 (more costs memory, not confidence)
    """
    value = positive_int(text)
    if value > MAX_SAMPLES:
        raise argparse.ArgumentTypeError(
            f"expected at most {MAX_SAMPLES} samples, got {value} (more costs memory, not confidence)"
        )
    return value


def seed(text: str) -> int:
    """argparse type: an integer seed in [0, 2**32), in ASCII digits.

    >>> seed("1_000")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected an integer seed, got '1_000' (digits 0-9 only)
    """
    if re.fullmatch(r"-[0-9]{1,20}", text.strip()):
        raise argparse.ArgumentTypeError(f"expected a seed between 0 and 2**32 - 1, got {text.strip()}")
    value = _digits(text, "an integer seed")
    if not 0 <= value < 2**32:
        raise argparse.ArgumentTypeError(f"expected a seed between 0 and 2**32 - 1, got {value}")
    return value


def dump_json(path: str | os.PathLike | Path, data) -> None:
    """Write JSON atomically with a stable layout (sorted keys, fixed indentation)."""
    write_file(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", option="--json")
