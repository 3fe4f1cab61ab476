"""The LaTeX of an audit: its verdicts, and the "not answered" and "not judged" sections.

:func:`audit_document` writes one report's audit from its records (the JSON of
``convproof audit``): the same document as ``convproof report`` for the formulas it judged
(claims rebuilt from the records' sources, verdicts from the records), then what the report
does not answer and what could not be judged (with the parser's reason or the time limit). :func:`class_document` is the one-page class summary. Both use the edition's
preamble, so a Persian audit is typeset right to left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib import resources
from typing import Any

from ..derivations.claim import Claim
from ..derivations.claims import homework
from ..verify.results import STATUSES, Verdict
from ..verify.runner import DEFAULT_SAMPLES
from . import document
from . import latex as L
from .audit_judge import claim_of
from .audit_words import place, reason
from .i18n import strings

__all__ = ["audit_document", "class_document", "extra_sections"]

_WORDS = {
    "en": {
        "title": "Audit of {name}",
        "judged": "Judged formulas",
        "not_answered": "Not answered",
        "not_answered_text": "No formula of the report states these quantities of the homework.",
        "not_judged": "Not judged",
        "not_judged_text": "These formulas match no quantity of the homework, could not be read, or ran out of time.",
        "place": "Place",
        "quantity": "Quantity",
        "status": "Status",
        "reason": "Reason",
        "class": "Class summary",
        "answered": "answered",
        "right": "right",
        "wrong": "wrong",
        "forms": "commonest wrong forms",
        "wrong_part": "Quantities some report got wrong",
        "right_part": "Quantities no report got wrong",
        "right_of": "right",
        "of": "{right} of {answered}",
        "nobody": "Answered by no report: {n} quantities (all of them are in class-summary.csv).",
    },
    "fa": {
        "title": "ممیزی {name}",
        "judged": "رابطه‌های داوری‌شده",
        "not_answered": "پاسخ داده نشده",
        "not_answered_text": "هیچ رابطه‌ای از گزارش این کمیت‌های تمرین را بیان نمی‌کند.",
        "not_judged": "داوری نشده",
        "not_judged_text": "این رابطه‌ها با هیچ کمیتی از تمرین جور نیستند، خوانده نشدند یا وقتشان تمام شد.",
        "place": "جا",
        "quantity": "کمیت",
        "status": "وضعیت",
        "reason": "دلیل",
        "class": "خلاصهٔ کلاس",
        "answered": "پاسخ",
        "right": "درست",
        "wrong": "نادرست",
        "forms": "رایج‌ترین شکل‌های نادرست",
        "wrong_part": "کمیت‌هایی که دست‌کم یک گزارش نادرست نوشته است",
        "right_part": "کمیت‌هایی که هیچ گزارشی نادرست ننوشته است",
        "right_of": "درست",
        "of": "{right} از {answered}",
        "nobody": "{n} کمیت را هیچ گزارشی پاسخ نداده است (همه در \\lr{{class-summary.csv}} آمده‌اند).",
    },
}


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def _code(text: str | None, lang: str) -> str:
    text = " ".join((text or "").split())
    text = text if len(text) <= 90 else text[:87] + "..."
    body = "\\texttt{" + L.escape(text) + "}"
    return body if lang == "en" else f"\\lr{{{body}}}"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], spec: str) -> str:
    lines = [" & ".join(f"\\textbf{{{h}}}" for h in head) + r" \\ \hline"]
    lines += [" & ".join(row) + r" \\" for row in rows]
    return f"\\begin{{longtable}}{{{spec}}}\n" + "\n".join(lines) + "\n\\end{longtable}\n"


def extra_sections(records: Sequence[Mapping[str, Any]], lang: str) -> str:
    """The "not answered" and "not judged" sections of one report (the tail of its document)."""
    W = _WORDS[lang]
    missing = [r for r in records if r["status"] == "not answered"]
    skipped = [r for r in records if r["status"] in ("not judged", "not parsed")]
    out = [f"\\section*{{{W['not_answered']}}}\n{W['not_answered_text']}\n\n"]
    out.append(_table([W["place"], W["quantity"]], [[place(r, lang), _code(r["id"], lang)] for r in missing], "ll"))
    out.append(f"\\section*{{{W['not_judged']}}}\n{W['not_judged_text']}\n\n")
    rows = [[place(r, lang), _code(r.get("source"), lang), reason(r.get("reason") or "", lang)] for r in skipped]
    out.append(_table([W["place"], "LaTeX", W["reason"]], rows, "lp{0.45\\textwidth}p{0.3\\textwidth}"))
    return "".join(out)


def _document(lang: str, body: str) -> str:
    return (
        _template(f"preamble-{lang}.tex") + _template("common.tex") + "\\begin{document}\n" + body + "\\end{document}\n"
    )


def _pairs(records: Sequence[Mapping[str, Any]]) -> list[tuple[Claim, Verdict]]:
    """The judged formulas as the claims and verdicts the report's document shows."""
    pairs = []
    for record in records:
        if record["status"] not in STATUSES or record["status"] == "unverifiable":
            continue
        quantity = homework.quantity(record["id"])
        claim = replace(claim_of(quantity, record), where=record["where"])
        pairs.append((claim, Verdict.from_json(record, question=claim.question, part=claim.part)))
    order = {q.id: n for n, q in enumerate(homework.quantities())}
    return sorted(pairs, key=lambda pair: (pair[0].question, order.get(pair[0].id, len(order))))


def audit_document(
    name: str, records: Sequence[Mapping[str, Any]], lang: str, *, samples: int = DEFAULT_SAMPLES
) -> str:
    """The complete LaTeX of one report's audit: the document of ``convproof report`` for its formulas,
    with what it does not answer and what could not be judged."""
    pairs = _pairs(records)
    S = strings(lang)
    located = sum(r["status"] != "not answered" for r in records)
    line = S["audit_catalogue"].format(
        name=L.latin(name, lang), judged=len(pairs), formulas=located, unjudged=located - len(pairs)
    )
    seed = next((r.get("seed") for r in records if r.get("seed") is not None), 0)
    return document.render(
        pairs,
        lang=lang,
        seed=seed,
        samples=samples,
        findings=None,
        catalogue_line=line,
        tail=extra_sections(records, lang),
    )


def class_document(rows: Sequence[Mapping[str, Any]], reports: int, lang: str) -> str:
    """The one-page class summary: the quantities some report got wrong, with their commonest wrong forms;
    the others answered, three to a line (answered/right); how many no report answered (all in the CSV)."""
    W = _WORDS[lang]
    wrong = [row for row in rows if row["wrong"]]
    others = [row for row in rows if row["answered"] and not row["wrong"]]
    lines = []
    for row in wrong:
        forms = "; ".join(f"{_code(text, lang)} ({n})" for text, n in row["wrong_forms"])
        lines.append([_code(row["id"], lang), str(row["answered"]), str(row["right"]), str(row["wrong"]), forms])
    body = [f"\\section*{{{W['class']} ({reports})}}\n{{\\scriptsize\n"]
    if wrong:
        body.append(f"\\subsection*{{{W['wrong_part']}}}\n")
        head = [W["quantity"], W["answered"], W["right"], W["wrong"], W["forms"]]
        body.append(_table(head, lines, "lrrrp{0.45\\textwidth}"))
    if others:
        body.append(f"\\subsection*{{{W['right_part']}}}\n")
        cells = [
            [_code(row["id"], lang), W["of"].format(right=row["right"], answered=row["answered"])] for row in others
        ]
        cells += [["", ""]] * (-len(cells) % 3)
        triples = [[cell for pair in cells[n : n + 3] for cell in pair] for n in range(0, len(cells), 3)]
        table = _table([W["quantity"], W["right_of"]] * 3, triples, "@{}lrlrlr@{}")
        body.append("{\\setlength{\\tabcolsep}{3pt}\\tiny\n" + table + "}\n")
    unanswered = len(rows) - len(wrong) - len(others)
    body.append(L.prose(W["nobody"].format(n=unanswered), lang) + "\n}\n")
    return _document(lang, "".join(body))
