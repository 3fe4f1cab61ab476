"""One claim as the audit shows it: what the report wrote, how it was read, and what the checks found.

Each claim appears once, compactly: its original text (and, in the English edition, an
English rendering of the Persian), a reading only where convproof interprets, then the
verdict in words: how it was verified, or the counterexample as a sentence and the
correction as a formula. The evidence tables are in the appendix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..derivations.claim import Claim
from ..derivations.claims import registry
from ..derivations.claims.vendored.english import english
from ..derivations.errors import UnknownClaimError
from ..derivations.outcome import Counterexample
from ..verify.results import Verdict
from . import latex as L
from . import translate as T

__all__ = ["claim_block", "correction_of", "counterexample_sentence", "how_verified", "prose_item", "verified_table"]

_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _rendering(claim: Claim, lang: str) -> str | None:
    """The English rendering of the vendored report's words, for those words only (not another report's)."""
    if lang != "en":
        return None
    try:
        vendored = registry.get(claim.id)
    except UnknownClaimError:
        return None
    return english(claim.id) if vendored.source == claim.source else None


def _blank(claim: Claim) -> bool:
    """A blank cell of a table: its row's name stands for its text (it claims nothing written)."""
    return bool(claim.claimed) and claim.claimed[0][0].startswith("blank cell")


def _renamed(claim: Claim, S: dict, lang: str) -> str:
    """The report's own names read as the homework's: '$j \\to i$, $N \\to n$' in a sentence, or ''."""
    if not claim.renamed:
        return ""
    comma = "، " if lang == "fa" else ", "
    pairs = comma.join(f"${L.symbol(theirs)} \\to {L.symbol(ours)}$" for theirs, ours in claim.renamed)
    return S["renamed"].format(pairs=pairs)


def _source(claim: Claim, S: dict, lang: str) -> str:
    text = claim.source
    if text is None:
        return f"\\textit{{{S['extension']}}}\n\n"
    if _blank(claim):
        return f"\\textit{{{S['blank_cell'].format(row=L.latin(text, lang))}}}\n\n"
    if claim.renamed:
        return _plain_source(claim, S, lang) + f"{_renamed(claim, S, lang)}\n\n"
    return _plain_source(claim, S, lang)


def _plain_source(claim: Claim, S: dict, lang: str) -> str:
    text = claim.source
    if _ARABIC.search(text):
        out = f"{S['as_written']}:\n" + L.persian_quote(text, lang)
        rendering = _rendering(claim, lang)
        return out + (f"{S['in_english']}: “{L.mixed(rendering, lang)}”\n\n" if rendering else "")
    if "$" in text:
        return f"{S['as_written']}: {L.mixed(text, lang)}\n\n"
    return L.math_block(text, lang)  # the report's formula (or list, or value), under the claim's heading


def how_verified(verdict: Verdict, S: dict, lang: str) -> str:
    """The checks that passed, in a few words: 'a symbolic proof; 2,000 random instances; PyTorch'."""
    words = S["tier_words"]
    done: dict[str, int] = {}
    for e in verdict.evidence:
        if e.passed and e.tier in words:
            done[e.tier] = max(done.get(e.tier, 0), e.samples or 0)
    parts = [words[tier].format(n=L.number(n)) for tier, n in done.items()]
    return L.prose("; ".join(parts), lang)


def _part_name(claim: Claim, part: str | None, S: dict) -> str | None:
    """What of the report a counterexample is about: its formula, its n-th form, its value; None for a named part."""
    if part and (match := re.fullmatch(r"side (\d+)", part)):
        return S["the_formula"] if len(claim.claimed) == 1 else S["the_form"].format(n=int(match.group(1)) - 1)
    return S["the_value"] if not part or part in ("value", "count", "formula") else None


def counterexample_sentence(claim: Claim, ce: Counterexample, S: dict, lang: str) -> str:
    """The instance, the report's value and the true value, as one sentence."""
    values = [f"{L.symbol(name)} = {L.render_value(v).strip('$')}" for name, v in ce.instance.items()]
    where = S["ce_at"].format(values="$" + ",\\ ".join(values) + "$") if values else ""
    named = _part_name(claim, ce.part, S)
    template = S["ce_text"] if named is not None else S["ce_text_named"]
    sentence = template.format(
        at=where,
        part=L.mixed(named if named is not None else T.label(ce.part, lang), lang),
        claimed=L.render_value(T.label(ce.claimed, lang) if isinstance(ce.claimed, str) else ce.claimed),
        reference=L.render_value(T.label(ce.reference, lang) if isinstance(ce.reference, str) else ce.reference),
    )
    return L.prose(sentence[0].upper() + sentence[1:], lang)


def correction_of(claim: Claim) -> str | None:
    """The right value of a claim's quantity as a formula (its readable form when it has one)."""
    if claim.reference is None:
        return None
    return L.formula(claim.readable if claim.readable is not None else claim.reference, claim.lhs)


def _depends(claim: Claim, verdicts: Mapping[str, Verdict], S: dict, lang: str) -> str:
    wrong = [cid for cid in claim.depends_on if verdicts.get(cid) and verdicts[cid].status == "refuted"]
    if not wrong:
        return ""
    return (
        L.prose(S["depends"].format(ids=S["list_separator"].join(L.identifier(cid, lang) for cid in wrong)), lang)
        + "\n\n"
    )


def _result(claim: Claim, verdict: Verdict, verdicts: Mapping[str, Verdict], S: dict, lang: str) -> str:
    status, out = verdict.status, []
    if status == "verified":
        out.append(f"{{\\small\\textit{{{S['checked_by']}}}: {how_verified(verdict, S, lang)}.}}\n\n")
        out.append(_depends(claim, verdicts, S, lang))
        return "".join(out)
    if status == "approximate":
        bound = f"$\\max_x |{S['claimed_symbol']} - {S['reference_symbol']}| \\le {L.number(verdict.bound)}$"
        out.append(L.prose(S["approximate_text"].format(bound=bound), lang) + "\n\n")
    elif status == "conditional" and verdict.condition:
        out.append(f"{S['holds_when']} ${verdict.condition}$.\n\n")
    elif status == "conditional":
        name = L.mixed(T.convention(verdict.convention, lang), lang)
        out.append(L.prose(S["holds_under"].format(convention=name), lang) + "\n\n")
    if verdict.counterexample is not None and status != "approximate":
        sentence = counterexample_sentence(claim, verdict.counterexample, S, lang)
        out.append(f"\\textit{{{S['counterexample']}}}: {sentence}\n\n")
    correction = correction_of(claim) if claim.claimed else None
    if correction and status in ("refuted", "conditional", "approximate"):
        out.append(
            f"\\textit{{{S['exact' if status == 'approximate' else 'correction']}}}:\n" + L.math_block(correction, lang)
        )
    return "".join(out)


def claim_block(
    claim: Claim, verdict: Verdict, verdicts: Mapping[str, Verdict], finding_title: str | None, S: dict, lang: str
) -> str:
    """The entry of one judged claim."""
    badge = L.status_mark(verdict.status, S)
    out = [f"\\claimheading{{{L.latin(claim.id, lang)}}}{{{badge}}}\n", _source(claim, S, lang)]
    if claim.note:
        out.append(f"{{\\small\\textit{{{S['reading']}}}: {L.mixed(T.note(claim, lang), lang)}}}\n\n")
    out.append(_result(claim, verdict, verdicts, S, lang))
    if finding_title:
        out.append(f"\\textit{{{S['see_finding']}}}: {finding_title}\n\n")
    return "".join(out)


def _cell_source(claim: Claim, S: dict, lang: str) -> str:
    text = claim.source
    if text is None:
        return "---"
    if _blank(claim):
        return f"\\textit{{{S['blank_cell'].format(row=L.latin(text, lang))}}}"
    if claim.renamed:
        return _cell_math(text, lang) + f"\\newline{{\\scriptsize {_renamed(claim, S, lang)}}}"
    return _cell_math(text, lang)


def _cell_math(text: str, lang: str) -> str:
    if _ARABIC.search(text):
        return L.persian_inline(text, lang)
    if "$" in text:
        return L.mixed(text, lang)
    return f"\\fitmath{{{L.math_words(' '.join(text.split()), lang)}}}"


def verified_table(entries, verdicts: Mapping[str, Verdict], S: dict, lang: str) -> str:
    """Claims the checks verified, one row each: what the report writes and how it was checked."""
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["verified_header"])
    rows = []
    for claim, verdict in entries:
        note = f"\\newline {L.mixed(T.note(claim, lang), lang)}" if claim.note else ""
        extra = _depends(claim, verdicts, S, lang).strip()
        extra = f"\\newline {extra}" if extra else ""
        rows.append(
            f"{{\\scriptsize {L.identifier(claim.id, lang)}}} & {_cell_source(claim, S, lang)} & "
            f"{{\\scriptsize {how_verified(verdict, S, lang)}.{note}{extra}}} \\\\"
        )
    return (
        "{\\small\\begin{longtable}{@{}p{0.2\\linewidth} p{0.38\\linewidth} p{0.38\\linewidth}@{}}\\toprule\n"
        f"{head} \\\\ \\midrule\n\\endhead\n" + "\n".join(rows) + "\n\\bottomrule\\end{longtable}}\n"
    )


def prose_item(claim: Claim, S: dict, lang: str) -> str:
    """A statement listed and not judged, as one item: the original and its English rendering."""
    rendering = _rendering(claim, lang)
    text = claim.source or T.summary(claim, lang)
    if _ARABIC.search(text):
        original = L.persian_inline(text, lang)
    elif "$" in text:
        original = L.mixed(text, lang)
    else:
        original = f"\\fitmath{{{' '.join(text.split())}}}"  # a formula the report states without judging
    tail = f"\\newline “{L.mixed(rendering, lang)}”" if rendering else ""
    return f"\\item {{\\scriptsize {L.identifier(claim.id, lang)}}}\\enspace {original}{tail}\n"
