"""A grading rubric: points per question and a deduction per finding of each severity.

``convproof report --rubric FILE`` reads a TOML (or JSON) file such as::

    [points]          # full marks of each question
    Q1 = 40
    Q2 = 20
    Q3 = 20
    Q4 = 20

    [deductions]      # points off for each confirmed finding of that severity
    conceptual = 4
    computational = 2
    notation = 1
    transcription = 1

A question scores its points less the deductions of its findings, never below 0. A
severity missing from ``[deductions]`` costs nothing; a question missing from
``[points]`` is not scored. The score is a suggestion: the audit says so.

>>> rubric = Rubric.parse('[points]\\nQ1 = 10\\n[deductions]\\nnotation = 3', "r.toml")
>>> from convproof.derivations.finding import Finding
>>> f = Finding("f", "Q1", "b", "notation", ("t.a",), {"en": "t"}, {"en": "m"}, fix={"en": "x"})
>>> rubric.scores([f, f, f, f])
{'Q1': (0, 10)}
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..derivations.errors import BadInputError
from ..derivations.finding import SEVERITIES, Finding

__all__ = ["Rubric"]

_EXAMPLE = "for example [points] Q1 = 40 ... and [deductions] conceptual = 4 ... (see docs/rubric.md)"


def _amount(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1e6:
        raise BadInputError(f"rubric: {where} must be a number from 0 up, got {value!r}; {_EXAMPLE}")
    return value


@dataclass(frozen=True)
class Rubric:
    """Points per question and deductions per severity."""

    points: Mapping[str, float]
    deductions: Mapping[str, float]

    @classmethod
    def parse(cls, text: str, name: str) -> Rubric:
        """A rubric from the text of a TOML or JSON file (``name`` only names it in errors)."""
        try:
            data = json.loads(text) if name.endswith(".json") else tomllib.loads(text)
        except (ValueError, tomllib.TOMLDecodeError) as exc:
            raise BadInputError(
                f"rubric {name}: not valid {'JSON' if name.endswith('.json') else 'TOML'} ({exc}); {_EXAMPLE}"
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("points"), dict) or not data["points"]:
            raise BadInputError(f"rubric {name}: needs a [points] table with a number per question; {_EXAMPLE}")
        unknown = set(data) - {"points", "deductions"}
        if unknown:
            raise BadInputError(f"rubric {name}: unknown table(s) {sorted(unknown)}; only [points] and [deductions]")
        points = {}
        for question, value in data["points"].items():
            if not re.fullmatch(r"Q[1-9]", question):
                raise BadInputError(f"rubric {name}: questions are Q1 to Q9, not {question!r}")
            points[question] = _amount(value, f"points of {question}")
        deductions = data.get("deductions", {})
        if not isinstance(deductions, dict) or set(deductions) - set(SEVERITIES):
            raise BadInputError(f"rubric {name}: [deductions] takes only {', '.join(SEVERITIES)}")
        return cls(points, {s: _amount(v, f"the deduction for {s}") for s, v in deductions.items()})

    @classmethod
    def load(cls, path: str | Path) -> Rubric:
        """A rubric from a file; a missing or unreadable file is one clear error."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInputError(
                f"cannot read the rubric {path}: {exc.strerror if isinstance(exc, OSError) else exc}"
            ) from None
        return cls.parse(text, str(path))

    def scores(self, findings: Sequence[Finding]) -> dict[str, tuple[float, float]]:
        """Question -> (suggested score, full marks), for the questions the rubric scores."""
        out = {}
        for question, full in self.points.items():
            lost = sum(self.deductions.get(f.severity, 0) for f in findings if f.question == question)
            out[question] = (max(0, full - lost), full)
        return out
