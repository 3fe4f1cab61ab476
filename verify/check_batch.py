"""``convproof check --batch FILE.jsonl``: many pairs in one process, one JSON line out per pair.

Each input line is an object with ``latex`` and either ``against`` (with an
optional ``assume``) or ``claim``; an optional ``id`` is echoed back. A line
that cannot be read gives a record with ``"verdict": "bad input"`` and exit
code 2 for that line; the batch goes on. The command's exit code is the
largest of the lines' (0 when every pair holds).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator

from ..derivations.errors import BadInputError, ConvproofError
from .check import check_latex, compare_latex
from .check_verdict import judge

__all__ = ["check_lines", "run_batch"]

_KEYS = {"id", "latex", "against", "claim", "assume"}


def _one(record, *, samples: int, seed: int, limit, require_proof: bool) -> dict:
    if not isinstance(record, dict) or not isinstance(record.get("latex"), str):
        raise BadInputError('each line must be a JSON object with "latex" and "against" or "claim"')
    if unknown := sorted(set(record) - _KEYS):
        raise BadInputError(f"unknown keys {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}")
    if ("against" in record) == ("claim" in record):
        raise BadInputError('give exactly one of "against" and "claim"')
    if "claim" in record:
        if "assume" in record:
            raise BadInputError('"assume" goes with "against"')
        verdict = check_latex(record["latex"], record["claim"], samples=samples, seed=seed, limit=limit)
    else:
        verdict = compare_latex(
            record["latex"], record["against"], assume=record.get("assume"), samples=samples, seed=seed, limit=limit
        )
    judgement = judge(verdict, require_proof=require_proof)
    out = judgement.to_json()
    if verdict.counterexample is not None:
        out["counterexample"] = verdict.counterexample.to_json()
    out["evidence"] = "; ".join(e.short() for e in verdict.evidence)
    return out


def check_lines(
    lines: Iterable[str], *, samples: int, seed: int, limit=None, require_proof: bool = False
) -> Iterator[dict]:
    """One result record per non-empty line (see the module docstring).

    >>> [r["verdict"] for r in check_lines(['{"latex": "2x", "against": "x + x"}', "nope"], samples=50, seed=0)]
    ['holds', 'bad input']
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        head = {"line": number}
        try:
            record = json.loads(line)
            if isinstance(record, dict) and "id" in record:
                head["id"] = record["id"]
            result = _one(record, samples=samples, seed=seed, limit=limit, require_proof=require_proof)
        except json.JSONDecodeError as exc:
            result = {"verdict": "bad input", "exit_code": 2, "reason": f"not JSON: {exc.msg} at column {exc.colno}"}
        except ConvproofError as exc:
            result = {"verdict": "bad input", "exit_code": 2, "reason": str(exc)}
        yield {**head, **result}


def run_batch(path: str, *, samples: int, seed: int, limit=None, require_proof: bool = False) -> int:
    """Check every line of ``path`` (``-``: standard input), printing JSON lines; the largest exit code."""
    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as exc:
        raise BadInputError(f"cannot read the batch file {path!r}: {exc.strerror}") from None
    worst = 0
    try:
        for result in check_lines(stream, samples=samples, seed=seed, limit=limit, require_proof=require_proof):
            print(json.dumps(result, ensure_ascii=False), flush=True)
            worst = max(worst, result["exit_code"])
    except UnicodeDecodeError:
        raise BadInputError(f"the batch file {path!r} is not UTF-8 text") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    return worst
