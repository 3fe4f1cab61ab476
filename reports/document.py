"""Assemble the whole report.tex of one edition: summary, conventions, questions, appendix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources

from ..derivations.claim import Claim
from ..derivations.claims import catalogue
from ..derivations.finding import Finding
from ..verify.findings import explain
from ..verify.results import Verdict
from . import latex as L
from .appendix import appendix
from .claim_tex import claim_block, prose_item, verified_table
from .i18n import strings
from .rubric import Rubric
from .summary import findings_by_claim, front_summary, question_summary

__all__ = ["render"]


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def _title(S: dict, lang: str, seed: int, samples: int) -> str:
    generated = L.prose(S["generated"].format(seed=seed, samples=samples), lang)
    return (
        "\\begin{center}\n"
        f"{{\\LARGE\\bfseries {S['title']}\\par}}\\medskip\n"
        f"{{\\large {S['subtitle']}\\par}}\\medskip\n"
        f"{{\\small {generated}\\par}}\n"
        "\\end{center}\n"
    )


def _catalogue_line(pairs: Sequence[tuple[Claim, Verdict]], S: dict) -> str:
    tally = catalogue.counts(catalogue.account(claims=[claim for claim, _ in pairs]))
    return S["catalogue"].format(formulas=tally["formulas"], claims=tally["claim"], nonclaims=tally["non-claim"])


def _conventions(S: dict, lang: str) -> str:
    items = "\n".join(f"\\item {L.prose(item, lang)}" for item in S["conventions_text"])
    return (
        f"\\section*{{{S['conventions']}}}\n\\begin{{itemize}}\\setlength\\itemsep{{0pt}}\n{items}\n\\end{{itemize}}\n"
    )


def _part(
    heading: str,
    entries: Sequence[tuple[Claim, Verdict]],
    verdicts: Mapping[str, Verdict],
    titles: Mapping[str, str],
    S: dict,
    lang: str,
) -> str:
    question = heading.split("(")[0]
    title = S["parts"].get(heading, S["other_part"] if heading == question else heading)
    out = [f"\\subsection{{{title}}}\n"]
    judged = [(c, v) for c, v in entries if not c.is_prose]
    right = [(c, v) for c, v in judged if v.status == "verified"]
    out.extend(claim_block(c, v, verdicts, titles.get(c.id), S, lang) for c, v in judged if v.status != "verified")
    if right:
        out.append(f"\\paragraph{{{S['verified_claims']}}}\n" + verified_table(right, verdicts, S, lang))
    listed = [c for c, _ in entries if c.is_prose]
    if listed:
        out.append(f"\\paragraph{{{S['listed']}}}\n\\begin{{itemize}}\\setlength\\itemsep{{0pt}}\n")
        out.extend(prose_item(c, S, lang) for c in listed)
        out.append("\\end{itemize}\n")
    return "".join(out)


def render(
    pairs: Sequence[tuple[Claim, Verdict]],
    *,
    lang: str,
    seed: int,
    samples: int,
    findings: Sequence[Finding] | None = (),
    rubric: Rubric | None = None,
    figures: Mapping[str, str] | None = None,
    extras: Mapping[str, str] | None = None,
    catalogue_line: str | None = None,
    tail: str = "",
) -> str:
    """The complete LaTeX source of one edition.

    ``figures`` maps a part ('Q1(b)') or a question ('Q2') to LaTeX that includes its figures;
    ``extras`` maps a question to further LaTeX shown after its summary (the Q3 tables, say).
    ``findings`` None: nobody declared this report's root errors (another student's report).
    ``catalogue_line`` says how the report's formulas were accounted for (the vendored report's
    catalogue by default); ``tail`` comes after the questions, before the appendix.
    """
    S = strings(lang)
    figures, extras = figures or {}, extras or {}
    verdicts = {v.claim_id: v for _, v in pairs}
    confirmed, unexplained = explain(findings or (), verdicts.values())
    titles = findings_by_claim(confirmed, S, lang)
    scores = rubric.scores([item.finding for item in confirmed]) if rubric is not None else {}
    body = [
        _template(f"preamble-{lang}.tex"),
        _template("common.tex"),
        "\\begin{document}\n",
        _title(S, lang, seed, samples),
        front_summary(
            pairs,
            confirmed,
            unexplained,
            rubric,
            _catalogue_line(pairs, S) if catalogue_line is None else catalogue_line,
            S,
            lang,
            declared=findings is not None,
        ),
        _conventions(S, lang),
        "\\setcounter{tocdepth}{1}\\tableofcontents\n",
    ]
    for question, parts in L.group_by_part(pairs).items():
        body.append(f"\\FloatBarrier\n\\section{{{S['questions'].get(question, question)}}}\n")
        body.append(question_summary(question, pairs, confirmed, scores.get(question), S, lang))
        body.append(extras.get(question, ""))
        for heading, entries in parts.items():
            body.append(_part(heading, entries, verdicts, titles, S, lang))
            if heading != question and heading in figures:  # a part's figures stay in their part
                body.append(figures[heading] + "\\FloatBarrier\n")
        body.append(figures.get(question, ""))
    body.append(tail)
    body.append(appendix(pairs, S, lang))
    body.append("\\end{document}\n")
    return "".join(body)
