"""convproof's own words about a claim, in the edition's language.

The claims, checks and findings speak English (notes, derivation captions, labels,
convention names, method and detail of each check); the Persian edition takes each
from the Persian tables of :mod:`.i18n`, and falls back to the English only where a
table has no entry (a claim added since; the tests require an entry for every claim
of the vendored report).
"""

from __future__ import annotations

import re

from ..derivations.claim import Claim
from .i18n.fa_claims import persian
from .i18n.fa_evidence import persian_evidence

__all__ = ["caption", "convention", "evidence", "label", "math_words", "note", "summary"]

# English words that convproof itself puts in formulas (a quantity's name), and their Persian
_MATH_WORDS = (
    (re.compile(r"parameters of (.+)"), "پارامترهای \\lr{{{0}}}"),
    (re.compile(r"sum of the report's parameter cells"), "جمع خانه‌های پارامتر در جدول گزارش"),
    (re.compile(r"trainable parameters"), "پارامترهای آموزش‌پذیر"),
    (re.compile(r"approximation"), "تقریب"),
    (re.compile(r"otherwise"), "در غیر این صورت"),
    (re.compile(r"for"), "اگر"),
)
_TEXT = re.compile(r"\\text\{([^{}]*)\}")


def note(claim: Claim, lang: str) -> str:
    """The claim's reading."""
    return claim.note if lang == "en" else persian("note", claim.id, claim.note)


def summary(claim: Claim, lang: str) -> str:
    """The summary of a statement listed and not judged."""
    return claim.prose if lang == "en" else persian("prose", claim.id, claim.prose)


def caption(claim: Claim, text: str, lang: str) -> str:
    """A caption of one step of the claim's derivation."""
    return text if lang == "en" else persian("caption", claim.id, text)


def label(text: str, lang: str) -> str:
    """A claimed part's label or a counterexample's part."""
    return text if lang == "en" else persian("label", text, text)


def convention(text: str, lang: str) -> str:
    """The name of a convention under which a claim holds."""
    return text if lang == "en" else persian("convention", text, text)


def evidence(text: str, lang: str) -> str:
    """A check's method or detail."""
    if lang == "en" or not text:
        return text
    return persian_evidence(text) or text


def _math_word(match: re.Match) -> str:
    words = match.group(1)
    if re.search(r"[\u0600-\u06FF]", words) or not re.search(r"[A-Za-z]", words):
        return match.group(0)
    for pattern, persian_words in _MATH_WORDS:
        if found := pattern.fullmatch(words):
            return r"\text{" + persian_words.format(*found.groups()) + "}"
    return r"\text{\lr{" + words + "}}"  # the report's own words (or a name): Latin, left to right


def math_words(latex: str, lang: str) -> str:
    """A formula's ``\\text{...}`` for the edition: in Persian, convproof's names of quantities in
    Persian and any other Latin words set left to right (XeLaTeX would set them right to left).

    >>> math_words(r"\\text{parameters of FC-10} = 1450", "fa")
    '\\\\text{پارامترهای \\\\lr{FC-10}} = 1450'
    """
    return latex if lang == "en" else _TEXT.sub(_math_word, latex)
