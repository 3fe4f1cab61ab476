"""Findings against verdicts: which root errors of a report the checks confirmed.

A finding (declared data, :class:`~convproof.derivations.finding.Finding`) is shown
when the checks judged at least one of its claims other than verified; its
correction is the one the checks computed for the claim it names. A claim judged
wrong that no finding explains is returned apart, so nothing goes unreported.

>>> from convproof.derivations.finding import Finding
>>> f = Finding("f", "Q2", "b", "computational", ("t.a",), {"en": "t"}, {"en": "m"}, correction_from="t.a")
>>> v = Verdict("t.a", "Q2(b)", "x", "refuted", question="Q2", part="b", correction="RF = 3")
>>> confirmed, unexplained = explain([f], [v])
>>> confirmed[0].status, [v.claim_id for v in confirmed[0].wrong], unexplained
('refuted', ['t.a'], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..derivations.finding import Finding
from .results import Verdict

__all__ = ["JUDGED_WRONG", "Confirmed", "explain"]

# statuses that a finding explains (most serious first)
JUDGED_WRONG = ("refuted", "conditional", "approximate")


@dataclass(frozen=True)
class Confirmed:
    """A finding with the verdicts of its claims, as the checks gave them."""

    finding: Finding
    verdicts: tuple[Verdict, ...]

    @property
    def status(self) -> str:
        """The most serious status among its claims."""
        return min((v.status for v in self.wrong), key=JUDGED_WRONG.index)

    @property
    def wrong(self) -> tuple[Verdict, ...]:
        """Its claims that the checks judged other than verified."""
        return tuple(v for v in self.verdicts if v.status in JUDGED_WRONG)


def explain(findings: Sequence[Finding], verdicts: Iterable[Verdict]) -> tuple[list[Confirmed], list[Verdict]]:
    """The findings the verdicts confirm (in the order given), and the wrong verdicts no finding explains."""
    by_id = {v.claim_id: v for v in verdicts}
    confirmed = []
    for finding in findings:
        mine = tuple(by_id[cid] for cid in finding.claims if cid in by_id)
        if any(v.status in JUDGED_WRONG for v in mine):
            confirmed.append(Confirmed(finding, mine))
    explained = {cid for f in findings for cid in f.claims}
    unexplained = [v for v in by_id.values() if v.status in JUDGED_WRONG and v.claim_id not in explained]
    return confirmed, unexplained
