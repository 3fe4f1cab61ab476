"""The verdict model: what the checks found, per tier, and the resulting status."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from ..derivations.outcome import Counterexample, Outcome

# verified: every tier that applies passed; approximate: false as an identity, with a certified
# bound on its error; conditional: holds only under a derived condition or a named convention
# other than the framework default; refuted: a tier found a counterexample; unverifiable: prose.
STATUSES = ("verified", "approximate", "conditional", "refuted", "unverifiable")
TIERS = ("symbolic", "sampled", "brute-force", "certified", "oracle")


def json_safe(value: Any) -> Any:
    """``value`` with every NaN or infinite float written as the string 'nan', 'inf' or '-inf'.

    JSON has no such numbers (Python would write ``NaN``, which strict parsers reject);
    an infinite error says a claimed part is undefined where the reference is not.

    >>> json_safe({"max_abs_error": float("inf"), "values": [1.5, float("nan")]})
    {'max_abs_error': 'inf', 'values': [1.5, 'nan']}
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(float(value))
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return value


@dataclass(frozen=True)
class Evidence:
    """What one tier of checking did and found: a check's :class:`Outcome` under its tier's name."""

    tier: str
    method: str
    passed: bool | None  # None: the tier ran but could not decide (symbolic, say)
    samples: int | None = None
    max_abs_error: float | None = None
    tolerance: str | None = None
    detail: str = ""

    @classmethod
    def of(cls, tier: str, outcome: Outcome) -> Evidence:
        """The evidence of ``outcome``, reported under ``tier``."""
        return cls(
            tier,
            outcome.method,
            outcome.passed,
            outcome.samples,
            outcome.max_abs_error,
            outcome.tolerance,
            outcome.detail,
        )

    def short(self) -> str:
        """One-line summary, e.g. ``sampled ok n=2000 err=0``."""
        mark = {True: "ok", False: "FAIL", None: "n/a"}[self.passed]
        text = f"{self.tier} {mark}"
        if self.samples is not None:
            text += f" n={self.samples}"
        if self.max_abs_error is not None:
            text += f" err={self.max_abs_error:.3g}"
        return text


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one claim."""

    claim_id: str
    where: str
    source: str | None
    status: str
    question: str = ""
    part: str = ""
    evidence: tuple[Evidence, ...] = ()
    counterexample: Counterexample | None = None
    correction: str | None = None
    condition: str | None = None
    convention: str | None = None
    bound: float | None = None
    seed: int | None = None
    extension: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")

    def to_json(self) -> dict[str, Any]:
        """The record written by ``convproof verify --json`` (valid JSON: no NaN, see :func:`json_safe`)."""
        return json_safe(
            {
                "id": self.claim_id,
                "where": self.where,
                "source": self.source,
                "status": self.status,
                "extension": self.extension,
                "evidence": [asdict(e) for e in self.evidence],
                "counterexample": None if self.counterexample is None else self.counterexample.to_json(),
                "correction": self.correction,
                "condition": self.condition,
                "convention": self.convention,
                "bound": self.bound,
            }
        )

    @classmethod
    def from_json(cls, record: dict[str, Any], *, question: str = "", part: str = "") -> Verdict:
        """A verdict again from its :meth:`to_json` record (a worker process's, say).

        >>> v = Verdict("t.a", "Q2(b)", "x", "refuted", counterexample=Counterexample({"x": 1}, 2, 3, "side 2"))
        >>> Verdict.from_json(v.to_json()) == v
        True
        """

        def number(value):
            return float(value) if isinstance(value, str) else value  # json_safe wrote inf and nan as text

        evidence = tuple(Evidence(**{**e, "max_abs_error": number(e.get("max_abs_error"))}) for e in record["evidence"])
        found = record.get("counterexample")
        counterexample = None
        if found is not None:
            counterexample = Counterexample(found["values"], found["claimed"], found["reference"], found.get("part"))
        return cls(
            claim_id=record["id"],
            where=record["where"],
            source=record["source"],
            status=record["status"],
            question=question,
            part=part,
            evidence=evidence,
            counterexample=counterexample,
            correction=record.get("correction"),
            condition=record.get("condition"),
            convention=record.get("convention"),
            bound=number(record.get("bound")),
            seed=record.get("seed"),
            extension=record.get("extension", False),
        )
