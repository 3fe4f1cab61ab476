"""The appendix: every check of every claim the checks judged wrong, and the derivations of their references.

The body of the audit says in words what the checks found; here is each check's
method, result, number of instances and largest error, for a reader who wants them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..derivations.claim import Claim
from ..verify.results import Evidence, Verdict
from . import latex as L
from . import translate as T

__all__ = ["appendix"]


def _error(e: Evidence, S: dict, lang: str) -> str:
    if e.max_abs_error is None:
        return ""
    if not math.isfinite(e.max_abs_error):
        return L.prose(S["undefined_error"], lang)
    return f"${L.number(e.max_abs_error, 3)}$"


def _line(e: Evidence, S: dict, lang: str) -> str:
    # what a passing check found is its pass; the details of the others say what went wrong or was measured
    shown = e.detail if e.detail and (e.passed is not True or e.tier == "certified") else ""
    method = L.mixed(T.evidence(e.method, lang) + (f": {T.evidence(shown, lang)}" if shown else ""), lang)
    facts = [S["result"][e.passed]]
    if e.samples is not None:
        facts.append(L.prose(S["n_instances"].format(n=L.number(e.samples)), lang))
    error = _error(e, S, lang)
    if error:
        facts.append(L.prose(S["largest_error"], lang) + " " + error)
    tier = S["tiers"].get(e.tier, e.tier)
    return f"\\textbf{{{tier}}}: {method} ({S['list_separator'].join(facts)})"


def _evidence(verdict: Verdict, S: dict, lang: str) -> str:
    return "{\\scriptsize " + ";\\enspace ".join(_line(e, S, lang) for e in verdict.evidence) + ".}\\par\n"


def _derivation(claim: Claim, S: dict, lang: str) -> str:
    """The steps of the reference: inline where a step is short, displayed where it is long."""
    if not claim.derivation:
        return ""
    steps = []
    for caption, step in claim.derivation:
        body = L.formula(step, max_length=120)
        shown = f" ${T.math_words(body, lang)}$" if len(body) < 70 else "\n" + L.math_block(body, lang)
        steps.append(f"{L.mixed(T.caption(claim, caption, lang), lang)}:{shown}")
    return f"{{\\footnotesize\\textit{{{S['derivation']}}}: " + "; ".join(steps) + "}\\par\n"


def appendix(pairs: Sequence[tuple[Claim, Verdict]], S: dict, lang: str) -> str:
    """The appendix of one edition."""
    out = [
        "\\clearpage\\appendix\n",
        f"\\section{{{S['appendix']}}}\n",
        L.prose(S["appendix_intro"], lang) + "\n\n",
        "\\begin{multicols}{2}\\raggedright\n",
    ]
    for claim, verdict in pairs:
        if claim.is_prose or verdict.status == "verified":  # a verified claim's checks are named in its table
            continue
        out.append(f"\\appclaim{{{L.latin(claim.id, lang)}}}{{{L.status_mark(verdict.status, S)}}}\n")
        out.append(_evidence(verdict, S, lang))
        out.append(_derivation(claim, S, lang))
    out.append("\\end{multicols}\n")
    return "".join(out)
