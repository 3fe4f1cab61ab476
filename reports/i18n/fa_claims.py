"""The Persian of the English that convproof writes about each claim, for the Persian edition.

Five tables, one per kind of text (:func:`persian` names them by ``kind``):

- ``note``: :data:`NOTES`, claim id -> the reading of the claim (``Claim.note``, «برداشت»), used
  while the English is the vendored claim's; :data:`NOTE_TEXTS`, English -> Persian, for a reading
  another report's claim gets;
- ``caption``: :data:`CAPTIONS`, claim id -> the captions of ``Claim.derivation``, in order;
- ``label``: :data:`LABELS`, English -> Persian, a claimed part's label (``Claim.claimed[i][0]``)
  or the part a check names in a counterexample; a part with numbers in it is read by
  :data:`LABEL_PATTERNS`. ``side n`` is left to the renderer;
- ``convention``: :data:`CONVENTIONS`, English -> Persian, the names of ``Claim.conventions``;
- ``prose``: :data:`PROSE`, claim id -> the summary of a qualitative claim (``Claim.prose``).

The notes, captions and summaries live in one module per question (``fa_claims_q1a`` ...
``fa_claims_q4``). The mathematics of each Persian text is the English's own (``$...$``, set
left to right); prose digits stay Western, the renderer makes them Persian.

>>> persian("label", "parameter list", "parameter list")
'فهرست پارامترها'
>>> persian("label", "a part nobody named", "a part nobody named")
'a part nobody named'
"""

from __future__ import annotations

import re
from functools import cache

from ...derivations.claims import registry
from ...derivations.errors import UnknownClaimError
from . import fa_claims_q1a, fa_claims_q1b, fa_claims_q1cde, fa_claims_q2, fa_claims_q3, fa_claims_q4

__all__ = ["CAPTIONS", "CONVENTIONS", "KINDS", "LABELS", "LABEL_PATTERNS", "NOTES", "NOTE_TEXTS", "PROSE", "persian"]

_QUESTIONS = (fa_claims_q1a, fa_claims_q1b, fa_claims_q1cde, fa_claims_q2, fa_claims_q3, fa_claims_q4)

NOTES: dict[str, str] = {key: text for module in _QUESTIONS for key, text in module.NOTES.items()}
CAPTIONS: dict[str, tuple[str, ...]] = {key: texts for module in _QUESTIONS for key, texts in module.CAPTIONS.items()}
PROSE: dict[str, str] = {key: text for module in _QUESTIONS for key, text in module.PROSE.items()}
NOTE_TEXTS: dict[str, str] = {k: t for module in _QUESTIONS for k, t in getattr(module, "NOTE_TEXTS", {}).items()}

LABELS = {
    # the labels of claimed parts
    "formula": "فرمول",
    "expression": "عبارت",
    "integral": "انتگرال",
    "value": "مقدار",
    "count": "تعداد",
    "shape": "شکل",
    "paths": "شمار مسیرها",
    "blank cell, read as 0": "خانه‌ی خالی، 0 خوانده شده",
    "(channels, elements per channel)": "(شمار کانال‌ها، شمار عنصرهای هر کانال)",
    "(mean, variance) of the normalised batch": "(میانگین، واریانس) دسته‌ی نرمال‌شده",
    r"(mean, std) after $\gamma$ and $\beta$": r"(میانگین، انحراف معیار) پس از اعمال $\gamma$ و $\beta$",
    "(running mean, running variance) after the first mini-batch": (
        "(میانگین جاری، واریانس جاری) پس از نخستین دسته‌ی کوچک"
    ),
    r"chosen $(\alpha, \lambda)$": r"$(\alpha, \lambda)$ انتخاب‌شده",
    # the parts the checks name in their counterexamples
    "largest disagreement": "بیشترین اختلاف",
    "largest disagreement (certified)": "بیشترین اختلاف (تضمین‌شده)",
    "parameter list": "فهرست پارامترها",
}

# parts whose English carries the numbers of one run: (English regex, Persian template with <group>)
LABEL_PATTERNS: tuple[tuple[re.Pattern, str], ...] = (
    (
        re.compile(
            r"the reconstruction error of an input (?P<distance>\S+) away from every training sample "
            r"\(training radius (?P<radius>\S+)\)"
        ),
        "خطای بازسازی ورودی‌ای به فاصله‌ی <distance> از همه‌ی نمونه‌های آموزشی (شعاع داده‌های آموزشی <radius>)",
    ),
    # a value that a counterexample states in words (what the report's rule says the value is)
    (re.compile(r"more than the threshold (?P<threshold>\S+)"), "بیش از آستانه‌ی <threshold>"),
)

CONVENTIONS = {
    "PyTorch with momentum=None (a cumulative average), the variance read as the unbiased one it stores": (
        "قرارداد PyTorch با تکانه‌ی None (میانگین تجمعی)، با واریانس نااریبی که PyTorch نگه می‌دارد"
    ),
    "the test input differs from the training data off the learned subspace (in a direction the code cannot "
    "represent)": (
        "ورودی آزمون بیرون از زیرفضای آموخته‌شده با داده‌های آموزشی تفاوت دارد (در جهتی که کد نمی‌تواند نمایش دهد)"
    ),
}

# Conventions of claims another report's text makes (not of the vendored claims)
OTHER_CONVENTIONS = {
    r"$\epsilon = 0$ (frameworks add $\epsilon$ to the variance: PyTorch $10^{-5}$, variance $V/(V + \epsilon)$)": (
        r"$\epsilon = 0$ (چارچوب‌ها $\epsilon$ را به واریانس می‌افزایند: PyTorch مقدار $10^{-5}$ و واریانس "
        r"$V/(V + \epsilon)$)"
    ),
    "original dropout (Srivastava et al. 2014): no scaling while training, weights times 1 - p at test": (
        "دراپ‌اوت اصلی (Srivastava و همکاران، ۲۰۱۴): بدون مقیاس‌گذاری هنگام آموزش، وزن‌ها هنگام آزمون ضرب در $1 - p$"
    ),
}

# Captions of the derivations of claims another report's text makes
CAPTION_TEXTS = {"inverted dropout while training": "دراپ‌اوت وارون هنگام آموزش"}

KINDS = ("note", "caption", "label", "convention", "prose")
_TABLES = {"note": NOTES, "label": LABELS, "convention": CONVENTIONS, "prose": PROSE}
_PLACEHOLDER = re.compile(r"<(\w+)>")


def _caption(claim_id: str, english: str) -> str | None:
    """The Persian of one caption of a claim's derivation, found by the English caption's place among them."""
    captions = CAPTIONS.get(claim_id)
    if captions is None:  # a claim another report's text makes (an NRMSE formula): a step another claim has
        return _any_caption().get(english, CAPTION_TEXTS.get(english))
    try:
        steps = [caption for caption, _ in registry.get(claim_id).derivation]
    except UnknownClaimError:
        return None
    if english not in steps or len(steps) != len(captions):
        # another report's claim may take a step another claim has (Q3's total with no parameter column)
        return _any_caption().get(english, CAPTION_TEXTS.get(english))  # else English, not a wrong caption
    return captions[steps.index(english)]


@cache
def _any_caption() -> dict[str, str]:
    """Every caption of the vendored claims, English -> Persian, where the translation still fits."""
    out: dict[str, str] = {}
    for claim_id, captions in CAPTIONS.items():
        try:
            steps = [caption for caption, _ in registry.get(claim_id).derivation]
        except UnknownClaimError:
            continue
        if len(steps) == len(captions):
            out.update(zip(steps, captions, strict=True))
    return out


def _note(claim_id: str, english: str) -> str | None:
    """The Persian of a claim's reading: by the English itself when another builder wrote it (Q3's total
    with no parameter column), else by the claim's id while the English is the vendored claim's."""
    if english in NOTE_TEXTS:
        return NOTE_TEXTS[english]
    try:
        if registry.get(claim_id).note != english:
            return None  # a reading the vendored claim does not have: better English than a wrong one
    except UnknownClaimError:
        return None
    return NOTES.get(claim_id)


def _fill(template: str, found: re.Match) -> str:
    """The template with each ``<name>`` replaced by the English's group ``name`` (numbers, kept as they are)."""
    return _PLACEHOLDER.sub(lambda m: found.group(m.group(1)), template)


def _label(english: str) -> str | None:
    if english in LABELS:
        return LABELS[english]
    for pattern, template in LABEL_PATTERNS:
        found = pattern.fullmatch(english)
        if found:
            return _fill(template, found)
    return None


def persian(kind: str, key: str, english: str) -> str:
    """The Persian of one text about a claim; the English itself when no table has it.

    ``kind`` is one of :data:`KINDS`. ``key`` is the claim id for a note, a caption or a summary
    (``english`` then being the caption, or the note or summary), and the English text itself for
    a label or a convention's name.
    """
    if kind == "caption":
        found = _caption(key, english)
    elif kind == "note":
        found = _note(key, english)
    elif kind == "label":
        found = _label(key)
    elif kind == "convention":
        found = CONVENTIONS.get(key, OTHER_CONVENTIONS.get(key))
    elif kind in _TABLES:
        found = _TABLES[kind].get(key)
    else:
        raise ValueError(f"unknown kind of text {kind!r}; choose one of {', '.join(KINDS)}")
    return english if found is None else found
