"""Audit one report: read it, locate its formulas, judge each by today's tiers, list the rest.

Every record has the keys of ``convproof verify --json`` (id, where, source, status, evidence,
counterexample, correction, ...) and the place in the file: ``file``, ``line``, ``question``,
``part``, ``section``, ``formula`` (its number in the file), ``kind``, ``located_by``.
Besides the verdict statuses a record may be:

- ``not judged``: a formula no quantity matches (``reason`` says so), or whose check ran out
  of its time limit (``reason``: "time limit");
- ``not parsed``: a formula located to a quantity that the LaTeX front cannot read
  (``reason``: the parser's message);
- ``not answered``: a quantity of the homework that no formula of the report states.

Verdicts are cached per process by (quantity, formula text, seed, samples): a class of copies
judges each distinct formula once.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..derivations.errors import BadInputError, ConvproofError
from ..verify.check_limits import OutOfTime, time_limit
from ..verify.runner import run_claim
from .locator import locate
from .reader import Formula, guess_format, read_text

__all__ = ["MAX_BYTES", "audit_text", "load_report", "read_sidecar"]

MAX_BYTES = 2_000_000  # a report larger than this is refused (a homework answer is < 200 KB)
TIME_LIMIT = 20.0  # seconds per formula
_CACHE: dict[tuple, dict[str, Any]] = {}
NOT_JUDGED, NOT_PARSED, NOT_ANSWERED = "not judged", "not parsed", "not answered"


def load_report(path: str | Path) -> str:
    """The text of a report file, or BadInputError with one line saying what is wrong."""
    path = Path(path)
    if path.is_dir():
        raise BadInputError(f"{path} is a folder, not a report; give the .md or .tex files inside it")
    if not path.exists():
        raise BadInputError(f"{path} does not exist")
    if not path.is_file():
        raise BadInputError(f"{path} is not a regular file (a device or a pipe?); give a .md or .tex file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise BadInputError(f"{path} is {size / 1e6:.1f} MB; a report must be under {MAX_BYTES / 1e6:.0f} MB of text")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise BadInputError(f"{path} is a binary file, not Markdown or LaTeX text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    if not text.strip():
        raise BadInputError(f"{path} is empty")
    return text


def read_sidecar(path: str | Path) -> dict[int, str]:
    """Line number -> id from ``FILE.convproof.toml`` beside the report (``[marks]``), or {}.

    The file reads ``[marks]`` then lines like ``42 = "dilated.rf_closed_form"``.
    """
    sidecar = Path(f"{path}.convproof.toml")
    if not sidecar.is_file():
        return {}
    try:
        data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{sidecar} is not valid TOML: {exc}") from None
    marks = data.get("marks", data)
    out: dict[int, str] = {}
    for key, value in marks.items():
        if not str(key).isdigit() or not isinstance(value, str):
            raise BadInputError(f'{sidecar}: each mark is a line number = "id", not {key!r} = {value!r}')
        out[int(key)] = value
    return out


def _place(formula: Formula, file: str, how: str) -> dict[str, Any]:
    return {
        "file": file,
        "line": formula.line,
        "question": formula.question,
        "part": formula.part,
        "section": " / ".join(formula.section),
        "formula": formula.number,
        "kind": formula.kind,
        "located_by": how,
    }


def _blank(qid: str | None, where: str, source: str | None, status: str, reason: str) -> dict[str, Any]:
    return {
        "id": qid,
        "where": where,
        "source": source,
        "status": status,
        "extension": False,
        "evidence": [],
        "counterexample": None,
        "correction": None,
        "condition": None,
        "convention": None,
        "bound": None,
        "reason": reason,
    }


def _judge(quantity: Any, text: str, where: str, seed: int, samples: int, limit: float | None) -> dict[str, Any]:
    key = (quantity.id, text, seed, samples)
    if key in _CACHE:
        return dict(_CACHE[key], where=where)
    try:
        with time_limit(limit):
            claim = replace(quantity.build(text), where=where)
            record = dict(run_claim(claim, samples=samples, seed=seed, oracle=False).to_json(), seed=seed)
    except OutOfTime:
        record = _blank(quantity.id, where, text, NOT_JUDGED, f"time limit: no verdict within {limit:g} s")
    except (ConvproofError, RecursionError) as exc:
        record = _blank(quantity.id, where, text, NOT_PARSED, str(exc).splitlines()[0] if str(exc) else repr(exc))
    except Exception as exc:  # SymPy's own failures on a student's formula: listed, the rest still judged
        record = _blank(quantity.id, where, text, NOT_PARSED, f"{type(exc).__name__}: {exc}"[:300])
    _CACHE[key] = record
    return dict(record)


def _best(candidates: Sequence[Any], text: str, where: str, seed: int, samples: int, limit: float | None):
    """The first candidate the formula is right about, else the first that reads it, else the first."""
    tried = []
    for quantity in candidates:
        record = _judge(quantity, text, where, seed, samples, limit)
        if len(candidates) == 1 or record["status"] == "verified":
            return quantity, record
        tried.append((quantity, record))
    return next((pair for pair in tried if pair[1]["status"] != NOT_PARSED), tried[0])


def audit_text(
    text: str,
    quantities: Sequence[Any],
    *,
    name: str = "report.md",
    fmt: str | None = None,
    sidecar: Mapping[int, str] | None = None,
    seed: int = 0,
    samples: int = 400,
    limit: float | None = TIME_LIMIT,
) -> list[dict[str, Any]]:
    """Every record of one report (see the module docstring): judged, not judged, not answered."""
    formulas = read_text(text, fmt or guess_format(name, text))
    if not formulas:
        raise BadInputError(f"{name} has no formula ($...$, $$...$$, \\[...\\] or a math environment)")
    records = []
    answered: set[str] = set()
    for statement, candidates, how in locate(formulas, quantities, sidecar):
        formula = statement.formula
        where = formula.place
        if not candidates:
            reason = {
                "none": "no quantity of the homework matches its left-hand side, section and words",
                "unmarked": "marked 'none': left out on purpose",
            }.get(how, how)
            record = _blank(None, where, statement.text, NOT_JUDGED, reason)
        else:
            quantity, record = _best(candidates, statement.text, where, seed, samples, limit)
            answered.add(quantity.id)
            record["quantity"] = getattr(quantity, "title", quantity.id)
        record.update(_place(formula, name, how))
        records.append(record)
    for quantity in quantities:
        if quantity.id not in answered:
            where = quantity.question + (f"({quantity.part})" if len(quantity.part) == 1 else "")
            record = _blank(quantity.id, where, None, NOT_ANSWERED, "no formula of the report states it")
            record.update({"file": name, "question": quantity.question, "part": quantity.part})
            records.append(record)
    return records
