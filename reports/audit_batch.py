"""Audit many reports: one after another or in a process pool, a bad file never stopping the rest.

The quantities are built once in the parent; the workers are forked from it and share them
(and every parse and compiled function made before the fork). Each report gives an
:class:`Audited`: its records, or the one-line reason it could not be read.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sympy as sp

from ..derivations.errors import ConvproofError
from ..verify.check_limits import OutOfTime, time_limit
from .audit_judge import NOT_ANSWERED, audit_text, claim_of, load_report, read_sidecar

__all__ = ["Audited", "audit_files", "class_rows", "wrong_form"]

_SHARED: dict[str, Any] = {}
RIGHT = ("verified", "approximate", "conditional")


@dataclass
class Audited:
    """One report's audit: its records, or why it could not be read."""

    path: str
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def _one(path: str) -> Audited:
    options = _SHARED["options"]
    try:
        text = load_report(path)
        records = audit_text(text, _SHARED["quantities"], name=path, sidecar=read_sidecar(path), **options)
        return Audited(path, records)
    except ConvproofError as exc:
        return Audited(path, error=str(exc))
    except (OSError, RecursionError, MemoryError) as exc:
        return Audited(path, error=f"{path}: {type(exc).__name__}: {exc}")


def audit_files(
    paths: Sequence[str],
    quantities: Sequence[Any],
    *,
    workers: int = 1,
    progress: Callable[[int, int, Audited], None] | None = None,
    **options: Any,
) -> list[Audited]:
    """Every report audited, in the order given; ``options`` go to :func:`audit_text` (seed, samples, limit)."""
    _SHARED.update(quantities=quantities, options=options)
    results: list[Audited] = []
    if workers <= 1 or len(paths) <= 1:
        for position, path in enumerate(paths, start=1):
            results.append(_one(path))
            if progress:
                progress(position, len(paths), results[-1])
        return results
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for position, result in enumerate(pool.map(_one, paths, chunksize=max(1, len(paths) // (4 * workers))), 1):
            results.append(result)
            if progress:
                progress(position, len(paths), result)
    return results


def wrong_form(quantity: Any, source: str, record: Mapping[str, Any] | None = None) -> str:
    """The canonical form of a wrong formula, to group the same mistake written differently.

    ``srepr(simplify(...))`` of its claimed value when it parses within a second, else its
    text with spaces removed.
    """
    try:
        with time_limit(2.0):
            claim = claim_of(quantity, record) if record is not None else quantity.build(source)
            value = claim.claimed[-1][1] if claim.claimed else None
            if value is not None:
                return sp.srepr(sp.simplify(value))
    except (OutOfTime, ConvproofError, Exception):
        pass
    return re.sub(r"\s+", "", source)


def class_rows(audited: Sequence[Audited], quantities: Sequence[Any], top: int = 3) -> list[dict[str, Any]]:
    """Per quantity: reports that answered it, got it right, got it wrong, the commonest wrong forms."""
    by_id = {q.id: q for q in quantities}
    rows = []
    for quantity in quantities:
        answered = right = wrong = 0
        forms: Counter[str] = Counter()
        example: dict[str, str] = {}
        for report in audited:
            mine = [r for r in report.records if r.get("id") == quantity.id and r["status"] != NOT_ANSWERED]
            if not mine:
                continue
            answered += 1
            if any(r["status"] == "refuted" for r in mine):
                wrong += 1
                for r in mine:
                    if r["status"] == "refuted" and r.get("source"):
                        form = wrong_form(by_id[quantity.id], r["source"], r)
                        forms[form] += 1
                        example.setdefault(form, r["source"])
            elif all(r["status"] in RIGHT for r in mine):
                right += 1
        rows.append(
            {
                "id": quantity.id,
                "question": quantity.question,
                "part": quantity.part,
                "answered": answered,
                "right": right,
                "wrong": wrong,
                "wrong_forms": [(example[f], n) for f, n in forms.most_common(top)],
            }
        )
    return rows


def report_path(path: str) -> Path:
    """A report's name for output files: its stem."""
    return Path(path)
