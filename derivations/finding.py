"""The finding record: one root error of a report, the claims it explains, and how to fix it.

A finding groups claims by declared data; it never decides a verdict. It is shown
only when the checks judged at least one of its claims not verified, and the
audit takes each of its numbers from the checks (the correction of the claim it
names), never from the finding itself.

>>> f = Finding("q3_cells", "Q3", "", "computational", ("cnn_table.fc.params",), {"en": "FC-10's bias"},
...             {"en": "Recount the bias."}, correction_from="cnn_table.fc.params")
>>> f.message("en"), f.severity_rank
('Recount the bias.', 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["SEVERITIES", "Finding"]

# most serious first: a misunderstanding, an arithmetic slip, a formula written loosely, a copying error
SEVERITIES = ("conceptual", "computational", "notation", "transcription")


@dataclass(frozen=True)
class Finding:
    """One root error of a report.

    Attributes:
        id: short name, unique within the report (``rrmse_without_mean``).
        question, part: where it sits (``Q1``, ``a``), as for a claim.
        severity: one of :data:`SEVERITIES`.
        claims: the ids of the claims it explains (at least one).
        titles: a few words naming it, per language (``{"en": "RRMSE without its 1/n"}``).
        messages: one or two sentences to the student, per language (``{"en": ..., "fa": ...}``);
            they explain the error and never state a number the checks compute.
        correction_from: the id of a claim whose computed correction is the fix, if any.
        fix: the fix in words, per language, when it is a rule rather than a formula.
    """

    id: str
    question: str
    part: str
    severity: str
    claims: tuple[str, ...]
    titles: Mapping[str, str]
    messages: Mapping[str, str]
    correction_from: str | None = None
    fix: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"finding {self.id!r}: severity must be one of {SEVERITIES}, not {self.severity!r}")
        if not self.claims:
            raise ValueError(f"finding {self.id!r} explains no claim")
        if not re.fullmatch(r"Q[1-9]", self.question):
            raise ValueError(f"finding {self.id!r}: question must be Q1 to Q9, not {self.question!r}")
        if self.correction_from is None and not self.fix:
            raise ValueError(f"finding {self.id!r} needs a correction: correction_from or fix")
        if self.correction_from is not None and self.correction_from not in self.claims:
            raise ValueError(f"finding {self.id!r}: correction_from must be one of its claims")

    @property
    def severity_rank(self) -> int:
        """0 for the most serious severity."""
        return SEVERITIES.index(self.severity)

    def message(self, lang: str) -> str:
        """The sentence to the student in ``lang`` (English when that language has none)."""
        return self.messages.get(lang) or self.messages["en"]

    def title(self, lang: str) -> str:
        """Its name in ``lang`` (English when that language has none)."""
        return self.titles.get(lang) or self.titles["en"]
