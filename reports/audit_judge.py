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

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import sympy as sp

from ..derivations.errors import BadInputError, ConvproofError
from ..verify.check_limits import OutOfTime, time_limit
from ..verify.runner import run_claim
from .locator import locate
from .reader import Formula, guess_format, read_text
from .reader_places import place_text

__all__ = ["MAX_BYTES", "audit_text", "claim_of", "load_report", "read_sidecar"]

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


def read_sidecar(path: str | Path) -> dict[int | tuple[int, int], str]:
    """Marks from ``FILE.convproof.toml`` beside the report (``[marks]``), or {}.

    ``42 = "dilated.rf_closed_form"`` marks every statement on line 42; ``"402.2" = "ID"`` (or a table
    ``[marks.402]`` with ``2 = "ID"``) marks the second statement on line 402 only, for a line that holds
    two formulas or a display with two relations side by side.
    """
    sidecar = Path(f"{path}.convproof.toml")
    if not sidecar.is_file():
        return {}
    try:
        data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{sidecar} is not valid TOML: {exc}") from None
    marks = data.get("marks", data)
    out: dict[int | tuple[int, int], str] = {}
    for key, value in marks.items():
        line, _, nth = str(key).partition(".")
        if isinstance(value, dict) and line.isdigit() and not nth:
            pairs = [(f"{line}.{n}", v) for n, v in value.items()]
        else:
            pairs = [(str(key), value)]
        for name, mark in pairs:
            line, _, nth = name.partition(".")
            if not line.isdigit() or (nth and not nth.isdigit()) or not isinstance(mark, str):
                raise BadInputError(
                    f'{sidecar}: each mark is LINE = "id" or "LINE.N" = "id" (the N-th statement on the line), '
                    f"not {name!r} = {mark!r}"
                )
            out[(int(line), int(nth)) if nth else int(line)] = mark
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


def _judge(
    quantity: Any, text: str, where: str, seed: int, samples: int, limit: float | None, context: dict | None = None
) -> dict[str, Any]:
    """The record of one formula judged as one quantity (``context``: ``named``, ``stated``), cached."""
    context = context or {}
    key = (quantity.id, text, seed, samples, tuple(sorted(context.items())))
    if key in _CACHE:
        return dict(_CACHE[key], where=where)
    try:
        with time_limit(limit):
            claim = replace(quantity.build(text, **context), where=where)
            record = dict(run_claim(claim, samples=samples, seed=seed, oracle=False).to_json(), seed=seed)
            if claim.renamed:
                record["renamed"] = dict(claim.renamed)
    except OutOfTime:
        record = _blank(quantity.id, where, text, NOT_JUDGED, f"time limit: no verdict within {limit:g} s")
    except (ConvproofError, RecursionError) as exc:
        record = _blank(quantity.id, where, text, NOT_PARSED, str(exc).splitlines()[0] if str(exc) else repr(exc))
    except Exception as exc:  # SymPy's own failures on a student's formula: listed, the rest still judged
        record = _blank(quantity.id, where, text, NOT_PARSED, f"{type(exc).__name__}: {exc}"[:300])
    _CACHE[key] = record
    return dict(record)


def _best(
    candidates: Sequence[Any],
    text: str,
    where: str,
    seed: int,
    samples: int,
    limit: float | None,
    columns: dict,
    *,
    named: bool = False,
    blank: bool = False,
):
    """The first candidate the formula is right about, else the first that reads it, else the first.

    ``named``: the formula was marked for its quantity; ``blank``: a blank table cell (its text is its
    row's name); ``columns``: the values of the layer table's columns so far (for a column's sum).
    """
    tried = []
    for quantity in candidates:
        adds = getattr(quantity, "adds", "")
        context: dict[str, Any] = {"stated": tuple(columns.get(adds, ()))} if adds else {}
        if named:
            context["named"] = True
        if blank:
            context["blank"] = True
        record = _judge(quantity, text, where, seed, samples, limit, context)
        if adds:
            record["stated"] = [str(value) for value in context["stated"]]
        if len(candidates) == 1 or record["status"] == "verified":
            return quantity, record
        tried.append((quantity, record))
    return next((pair for pair in tried if pair[1]["status"] != NOT_PARSED), tried[0])


def claim_of(quantity: Any, record: Mapping[str, Any]):
    """The claim a record was judged as: its source built by its quantity, with the column values it added."""
    stated = record.get("stated")
    named = {"named": True} if record.get("located_by") == "mark" else {}
    if record.get("kind") == "blank cell":
        named["blank"] = True
    if stated is None:
        return quantity.build(record["source"], **named)
    if not all(isinstance(v, str) and re.fullmatch(r"-?\d+(?:/\d+)?", v) for v in stated):
        raise BadInputError(f"{record.get('id')}: 'stated' holds the column's values as numbers, not {stated!r}")
    return quantity.build(record["source"], stated=tuple(sp.Rational(v) for v in stated), **named)


def _note_cell(
    columns: dict[str, list], quantity: Any, text: str, record: dict[str, Any], *, named: bool, blank: bool
) -> None:
    """Keep the value a judged cell of the layer table states, by its column (a blank cell states 0)."""
    column = getattr(quantity, "column", "")
    if not column or record["status"] in (NOT_JUDGED, NOT_PARSED):
        return
    claimed = quantity.build(text, named=named, blank=blank).claimed
    if claimed:
        columns.setdefault(column, []).append(claimed[-1][1])


def audit_text(
    text: str,
    quantities: Sequence[Any],
    *,
    name: str = "report.md",
    fmt: str | None = None,
    sidecar: Mapping[int | tuple[int, int], str] | None = None,
    seed: int = 0,
    samples: int = 400,
    limit: float | None = TIME_LIMIT,
) -> list[dict[str, Any]]:
    """Every record of one report (see the module docstring): judged, not judged, not answered."""
    formulas = read_text(text, fmt or guess_format(name, text))
    if not formulas:
        raise BadInputError(f"{name} has no formula ($...$, $$...$$, \\[...\\] or a math environment)")
    records: list[dict[str, Any]] = []
    answered: set[str] = set()
    columns: dict[str, list] = {}  # the values the report wrote in each column of its layer table
    located = locate(formulas, quantities, sidecar)
    # a sum of a column (Q3's total) is judged after the column's cells, wherever the report writes it
    order = sorted(range(len(located)), key=lambda n: any(getattr(q, "adds", "") for q in located[n][1]))
    done: dict[int, dict[str, Any]] = {}
    for n in order:
        statement, candidates, how = located[n]
        formula = statement.formula
        where = formula.place
        if not candidates:
            reason = {
                "none": "no quantity of the homework matches its left-hand side, section and words",
                "unmarked": "marked 'none': left out on purpose",
            }.get(how, how)
            record = _blank(None, where, statement.text, NOT_JUDGED, reason)
        else:
            blank = formula.kind == "blank cell"
            quantity, record = _best(
                candidates, statement.text, where, seed, samples, limit, columns, named=how == "mark", blank=blank
            )
            answered.add(quantity.id)
            record["quantity"] = getattr(quantity, "title", quantity.id)
            _note_cell(columns, quantity, statement.text, record, named=how == "mark", blank=blank)
        record.update(_place(formula, name, how))
        done[n] = record
    records.extend(done[n] for n in range(len(located)))
    for quantity in quantities:
        if quantity.id not in answered:
            where = place_text(quantity.question, quantity.part)
            record = _blank(quantity.id, where, None, NOT_ANSWERED, "no formula of the report states it")
            record.update({"file": name, "question": quantity.question, "part": quantity.part})
            records.append(record)
    return records
