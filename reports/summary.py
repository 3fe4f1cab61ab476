"""The audit's summaries: the first page, and the opening of each question.

The first page says what was checked, counts the verdicts (the report's claims apart
from convproof's extensions) and lists the findings by question with their severity.
Each question opens with what the report got right and its findings, each with its
correction, and a suggested score when a rubric is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..derivations.claim import Claim
from ..derivations.finding import SEVERITIES
from ..verify.findings import Confirmed
from ..verify.results import STATUSES, Verdict
from . import latex as L
from .claim_tex import correction_of
from .rubric import Rubric

__all__ = ["finding_entry", "findings_by_claim", "front_summary", "question_summary"]


def _severity(severity: str, S: dict) -> str:
    return f"\\severity{{{severity}}}{{{S['severities'][severity]}}}"


def _counts_table(pairs: Sequence[tuple[Claim, Verdict]], S: dict, lang: str) -> str:
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["count_table"])
    rows = []
    for status in STATUSES:
        own = sum(v.status == status and not c.extension for c, v in pairs)
        extra = sum(v.status == status and c.extension for c, v in pairs)
        if own or extra:
            rows.append(f"{L.status_mark(status, S)} & {L.prose(str(own), lang)} & {L.prose(str(extra), lang)} \\\\")
    own_total = sum(not c.extension for c, _ in pairs)
    extra_total = sum(c.extension for c, _ in pairs)
    rows.append(f"\\midrule {S['total']} & {L.prose(str(own_total), lang)} & {L.prose(str(extra_total), lang)} \\\\")
    return (
        "\\begin{center}\\begin{tabular}{lrr}\\toprule\n"
        f"{head} \\\\ \\midrule\n" + "\n".join(rows) + "\n\\bottomrule\\end{tabular}\\end{center}\n"
    )


def _findings_table(confirmed: Sequence[Confirmed], S: dict, lang: str) -> str:
    if not confirmed:
        return S["no_findings"] + "\n\n"
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["findings_header"])
    rows = []
    for item in confirmed:
        f = item.finding
        place = S["question_short"][f.question] + (f" ({S['part_letters'].get(f.part, f.part)})" if f.part else "")
        rows.append(
            f"{L.prose(place, lang)} & {_severity(f.severity, S)} & {L.mixed(f.title(lang), lang)} & "
            f"{L.prose(str(len(item.wrong)), lang)} \\\\"
        )
    return (
        "{\\small\\begin{longtable}{@{}l l p{0.55\\linewidth} r@{}}\\toprule\n"
        f"{head} \\\\ \\midrule\n\\endhead\n" + "\n".join(rows) + "\n\\bottomrule\\end{longtable}}\n"
    )


def _severity_line(confirmed: Sequence[Confirmed], S: dict, lang: str) -> str:
    tally = {s: sum(item.finding.severity == s for item in confirmed) for s in SEVERITIES}
    parts = S["list_separator"].join(f"{n} {S['severities'][s]}" for s, n in tally.items() if n)
    return L.prose(S["severity_line"].format(n=len(confirmed), parts=parts), lang)


def front_summary(
    pairs: Sequence[tuple[Claim, Verdict]],
    confirmed: Sequence[Confirmed],
    unexplained: Sequence[Verdict],
    rubric: Rubric | None,
    catalogue_line: str,
    S: dict,
    lang: str,
    declared: bool = True,
) -> str:
    """The first section: what was checked, the counts, the findings, the suggested score.

    ``declared`` is False for a report whose root errors nobody has declared: the findings
    section then says so, and the claims judged wrong are shown in their questions.

    ``unexplained`` are the claims judged wrong that no finding explains: named, so none is hidden.
    """
    own = [c for c, _ in pairs if not c.extension]
    judged = sum(not c.is_prose for c in own)
    intro = S["summary_intro"].format(
        claims=len(own),
        judged=judged,
        prose=len(own) - judged,
        extensions=len(pairs) - len(own),
        catalogue=catalogue_line,
    )
    out = [
        f"\\section*{{{S['summary']}}}\n",
        L.prose(intro, lang) + "\n\n",
        _counts_table(pairs, S, lang),
        f"{S['statuses_text']}\n\n",
        f"\\subsection*{{{S['findings']}}}\n",
    ]
    if declared:
        out += [_severity_line(confirmed, S, lang) + "\n\n", _findings_table(confirmed, S, lang)]
    else:
        out.append(L.prose(S["no_findings_declared"], lang) + "\n\n")
    if unexplained and declared:
        ids = S["list_separator"].join(L.identifier(v.claim_id, lang) for v in unexplained)
        out.append(L.prose(S["unexplained"].format(n=len(unexplained)), lang) + f" {ids}\\par\n")
    if rubric is not None:
        out.append(_score_table(rubric, confirmed, S, lang))
    return "".join(out)


def _score_table(rubric: Rubric, confirmed: Sequence[Confirmed], S: dict, lang: str) -> str:
    scores = rubric.scores([item.finding for item in confirmed])
    rows = [
        f"{S['question_short'][q]} & {L.prose(L.number(got), lang)} & {L.prose(L.number(full), lang)} \\\\"
        for q, (got, full) in scores.items()
    ]
    got, full = sum(g for g, _ in scores.values()), sum(f for _, f in scores.values())
    rows.append(f"\\midrule {S['total']} & {L.prose(L.number(got), lang)} & {L.prose(L.number(full), lang)} \\\\")
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["score_header"])
    return (
        f"\\subsection*{{{S['suggested_score']}}}\n{L.prose(S['score_note'], lang)}\n"
        "\\begin{center}\\begin{tabular}{lrr}\\toprule\n"
        f"{head} \\\\ \\midrule\n" + "\n".join(rows) + "\n\\bottomrule\\end{tabular}\\end{center}\n"
    )


def finding_entry(item: Confirmed, claims: Mapping[str, Claim], S: dict, lang: str) -> str:
    """One finding in its question: severity, title, the sentence to the student, the correction."""
    f = item.finding
    out = [
        f"\\finding{{{_severity(f.severity, S)}}}{{{L.mixed(f.title(lang), lang)}}}\n",
        L.prose(L.mixed(f.message(lang), lang), lang) + "\n\n",
    ]
    fix = f.fix.get(lang) or f.fix.get("en")
    correction = correction_of(claims[f.correction_from]) if f.correction_from in claims else None
    if correction:
        out.append(f"\\textit{{{S['correction']}}}:\n" + L.math_block(correction, lang))
    elif fix:
        out.append(f"\\textit{{{S['correction']}}}: {L.prose(L.mixed(fix, lang), lang)}\n\n")
    ids = S["list_separator"].join(L.identifier(v.claim_id, lang) for v in item.wrong)
    out.append(f"{{\\small {S['claims_of_finding']}: {ids}}}\n\n")
    return "".join(out)


def question_summary(
    question: str,
    pairs: Sequence[tuple[Claim, Verdict]],
    confirmed: Sequence[Confirmed],
    score: tuple[float, float] | None,
    S: dict,
    lang: str,
) -> str:
    """The opening of a question: its setting, what is right, its findings, its score."""
    mine = [(c, v) for c, v in pairs if c.question == question and not c.extension]
    judged = [(c, v) for c, v in mine if not c.is_prose]
    right = sum(v.status == "verified" for _, v in judged)
    out = []
    if question in S["question_intro"]:
        out.append(L.prose(S["question_intro"][question], lang) + "\n\n")
    line = S["right_line"].format(right=right, judged=len(judged), prose=len(mine) - len(judged))
    out.append(f"\\textbf{{{S['in_short']}}}: {L.prose(line, lang)}")
    if score is not None:
        out.append(" " + L.prose(S["score_line"].format(got=L.number(score[0]), full=L.number(score[1])), lang))
    out.append("\n\n")
    claims = {c.id: c for c, _ in pairs}
    for item in (c for c in confirmed if c.finding.question == question):
        out.append(finding_entry(item, claims, S, lang))
    return "".join(out)


def findings_by_claim(confirmed: Sequence[Confirmed], S: dict, lang: str) -> Mapping[str, str]:
    """Claim id -> the title of the finding that explains it."""
    return {v.claim_id: L.mixed(item.finding.title(lang), lang) for item in confirmed for v in item.wrong}
