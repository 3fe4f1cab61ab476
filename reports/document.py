"""Assemble the whole report.tex of one edition from claims, verdicts and figures."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

from ..derivations.claim import Claim
from ..derivations.claims import catalogue
from ..verify.results import Verdict
from . import latex as L
from .i18n import strings

__all__ = ["render"]


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def _summary(pairs: Sequence[tuple[Claim, Verdict]], S: dict, lang: str) -> str:
    verdicts = [v for _, v in pairs]
    counts = L.counts(verdicts)
    checked = sum(1 for c, _ in pairs if not c.is_prose)
    intro = S["summary_intro"].format(
        claims=len(pairs), formulas=checked, extensions=sum(c.extension for c, _ in pairs)
    )
    rows = "\n".join(f"{L.status_mark(s, S)} & {L.prose(str(n), lang)} \\\\" for s, n in counts.items())
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["count_table"])
    out = [
        f"\\section*{{{S['summary']}}}\n",
        L.prose(intro, lang) + "\n\n",
        L.prose(_catalogue_line(pairs, S), lang) + "\n\n",
        f"\\begin{{center}}\\begin{{tabular}}{{lr}}\\toprule\n{head} \\\\ \\midrule\n{rows}\n\\bottomrule\\end{{tabular}}\\end{{center}}\n",
        f"{S['statuses_text']}\n\n",
        f"\\subsection*{{{S['refuted_table']}}}\n",
    ]
    refuted = [(c, v) for c, v in pairs if v.status == "refuted"]
    if not refuted:
        out.append(S["no_refuted"] + "\n\n")
    else:
        head = " & ".join(f"\\textbf{{{h}}}" for h in S["refuted_header"])
        out.append(
            "{\\footnotesize\\begin{longtable}{@{}p{0.3\\linewidth} p{0.66\\linewidth}@{}}\\toprule\n"
            f"{head} \\\\ \\midrule\n\\endhead\n"
        )
        for claim, verdict in refuted:
            correction = f"\\fitmath{{{verdict.correction}}}" if verdict.correction else "---"
            where = f"\\newline{{\\scriptsize {L.latin(claim.where, lang)}}}"
            out.append(f"{L.latin(claim.id, lang)}{where} & {correction} \\\\[2pt]\n")
        out.append("\\bottomrule\\end{longtable}}\n")
    return "".join(out)


def _catalogue_line(pairs: Sequence[tuple[Claim, Verdict]], S: dict) -> str:
    tally = catalogue.counts(catalogue.account(claims=[claim for claim, _ in pairs]))
    return S["catalogue"].format(formulas=tally["formulas"], claims=tally["claim"], nonclaims=tally["non-claim"])


def _title(S: dict, lang: str, seed: int, samples: int) -> str:
    generated = L.prose(S["generated"].format(seed=seed, samples=samples), lang)
    return (
        "\\begin{center}\n"
        f"{{\\LARGE\\bfseries {S['title']}\\par}}\\medskip\n"
        f"{{\\large {S['subtitle']}\\par}}\\medskip\n"
        f"{{\\small {generated}\\par}}\n"
        "\\end{center}\n"
    )


def _conventions(S: dict, lang: str) -> str:
    items = "\n".join(f"\\item {L.prose(item, lang) if lang == 'fa' else item}" for item in S["conventions_text"])
    return f"\\section*{{{S['conventions']}}}\n\\begin{{itemize}}\n{items}\n\\end{{itemize}}\n"


def render(
    pairs: Sequence[tuple[Claim, Verdict]],
    *,
    lang: str,
    seed: int,
    samples: int,
    figures: dict[str, str] | None = None,
    extras: dict[str, str] | None = None,
) -> str:
    """The complete LaTeX source of one edition.

    ``figures`` maps a question ('Q2') to LaTeX that includes its figures;
    ``extras`` maps a question to further LaTeX (the Q3 tables, say).
    """
    S = strings(lang)
    figures, extras = figures or {}, extras or {}
    body = [
        _template(f"preamble-{lang}.tex"),
        _template("common.tex"),
        "\\begin{document}\n",
        _title(S, lang, seed, samples),
        _summary(pairs, S, lang),
        _conventions(S, lang),
        "\\tableofcontents\n",
    ]
    for question, parts in L.group_by_part(pairs).items():
        body.append(f"\\section{{{S['questions'].get(question, question)}}}\n")
        body.append(extras.get(question, ""))
        for part, entries in parts.items():
            title = S["parts"].get(part, S["other_part"] if part == question else part)
            body.append(f"\\subsection{{{title}}}\n")
            body.extend(L.claim_block(c, v, S, lang) for c, v in entries)
        body.append(figures.get(question, ""))
    body.append("\\end{document}\n")
    return "".join(body)
