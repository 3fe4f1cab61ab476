"""The words of an audit's own tables in the edition's language: a formula's place and why it was not judged.

The audit writes its reasons in English (JSON records are read by programs and people alike); the Persian
edition shows them in Persian, the parser's own message kept as it is (left to right) after a Persian lead.

>>> place({"question": "Q1", "part": "b", "line": 30}, "fa")
'سؤال ۱ (ب)، سطر ۳۰'
>>> reason("no quantity of the homework matches its left-hand side, section and words", "fa")[:21]
'هیچ کمیتی از تمرین با'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import latex as L
from .i18n import persian_digits
from .reader_places import PERSIAN_PARTS, place_text

__all__ = ["place", "reason"]

_LETTERS = {latin: persian for persian, latin in PERSIAN_PARTS.items()}
_PLAIN = {
    "no quantity of the homework matches its left-hand side, section and words": (
        "هیچ کمیتی از تمرین با سمت چپ، بخش و واژه‌های پیرامون آن جور نیست"
    ),
    "marked 'none': left out on purpose": "با علامت none عمداً کنار گذاشته شده است",
    "no formula of the report states it": "هیچ رابطه‌ای از گزارش آن را بیان نمی‌کند",
}
_PATTERNS = (
    (re.compile(r"time limit: no verdict within (?P<s>[\d.]+) s"), "محدودیت زمانی: در {s} ثانیه حکمی به دست نیامد"),
    (re.compile(r"marked with an unknown id (?P<id>.+)"), "با شناسه‌ی ناشناخته‌ی \\lr{{{id}}} علامت خورده است"),
    (
        re.compile(r".*uses undeclared symbols (?P<names>.+?); declared: (?P<known>.+)"),
        "نمادهایی به کار رفته که این کمیت نمی‌شناسد: \\lr{{{names}}} (شناخته‌ها: \\lr{{{known}}})",
    ),
)


def place(record: Mapping[str, Any], lang: str) -> str:
    """Where a formula is: ``Q1(b), line 30``, or in Persian «سؤال ۱ (ب)، سطر ۳۰»."""
    question, part, line = record.get("question") or "", record.get("part") or "", record.get("line")
    if lang != "fa":
        return place_text(question, part, line)
    pieces = []
    if question:
        pieces.append(f"سؤال {question[1:]}" + (f" ({_LETTERS.get(part, part)})" if len(part) == 1 else ""))
    if line:
        pieces.append(f"سطر {line}")
    return persian_digits("، ".join(pieces))


def reason(text: str, lang: str) -> str:
    """Why a formula was not judged, as LaTeX in the edition's language (English as it is for ``en``)."""
    if lang != "fa":
        return L.escape(text)
    if text in _PLAIN:
        return _PLAIN[text]
    for pattern, template in _PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            return template.format(**{k: L.escape(v) for k, v in found.groupdict().items()})
    return "خوانده نشد؛ پیام خواننده: \\lr{\\texttt{" + L.escape(text[:200]) + "}}"
