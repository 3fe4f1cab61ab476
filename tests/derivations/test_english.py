"""The English edition's renderings of the report's Persian sources: complete, English, and keeping the identifiers."""

from __future__ import annotations

import re

import pytest

from convproof.derivations.claims import registry
from convproof.derivations.claims.vendored import english as english_module
from convproof.derivations.claims.vendored.english import ENGLISH, english

_ARABIC_BLOCK = re.compile("[\u0600-\u06ff]")
# Persian and Arabic-Indic digits, read as Western ones: a number the student wrote as ۱۰ must appear as 10
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
CLAIMS = registry.all_claims()
PERSIAN = [c for c in CLAIMS if c.source and _ARABIC_BLOCK.search(c.source)]
OTHERS = [c for c in CLAIMS if not (c.source and _ARABIC_BLOCK.search(c.source))]


def kept_tokens(source: str) -> list[str]:
    """What a rendering must keep: every ASCII word of 2+ letters and every digit group (Persian digits read as Western)."""
    return re.findall(r"[A-Za-z]{2,}|[0-9]+", source.translate(_DIGITS))


def missing(source: str, rendering: str) -> list[str]:
    """The source's Latin words and numbers that the rendering drops.

    A word may change case (a sentence now starts with it) and take an English ending (``CNNها`` -> ``CNNs``),
    but it must start a word; a number must stand whole.
    """
    out = []
    for token in kept_tokens(source):
        if token.isdigit():
            pattern = rf"(?<![0-9]){token}(?![0-9])"
        else:
            pattern = rf"(?<![A-Za-z]){token}"
        if not re.search(pattern, rendering, flags=re.IGNORECASE):
            out.append(token)
    return out


def test_the_claims_were_found():
    assert len(PERSIAN) > 50 and OTHERS


def test_the_table_covers_exactly_the_persian_sources():
    assert set(ENGLISH) == {c.id for c in PERSIAN}


@pytest.mark.parametrize("claim", PERSIAN, ids=lambda c: c.id)
def test_every_persian_source_has_an_english_rendering(claim):
    rendering = english(claim.id)
    assert isinstance(rendering, str) and rendering.strip()
    assert rendering == rendering.strip()
    assert not _ARABIC_BLOCK.search(rendering), f"Persian left in {rendering!r}"
    # English prose: at least one English word beyond what the source already held
    assert set(re.findall(r"[A-Za-z]{2,}", rendering)) - set(kept_tokens(claim.source))


@pytest.mark.parametrize("claim", PERSIAN, ids=lambda c: c.id)
def test_rendering_keeps_the_sources_identifiers_and_numbers(claim):
    assert missing(claim.source, english(claim.id)) == []


@pytest.mark.parametrize("claim", OTHERS, ids=lambda c: c.id)
def test_no_rendering_for_a_source_without_persian(claim):
    assert english(claim.id) is None


def test_no_rendering_for_an_unknown_id():
    assert english("no.such_claim") is None
    assert english("") is None


def test_the_keep_check_can_fail():
    source = "اما DropOut2D به طور رندوم تعدادی فیچرکمپ انتخاب میکند، کمتر از ۱۰٪"
    assert kept_tokens(source) == ["DropOut", "2", "10"]
    assert missing(source, "But DropOut2D randomly selects some feature maps, less than 10%") == []
    assert missing(source, "But Dropout2D randomly selects some feature maps, less than 10%") == []
    assert missing(source, "But Dropout randomly selects some feature maps, less than 10%") == ["2"]
    assert missing(source, "But it randomly selects some feature maps, less than 10%") == ["DropOut", "2"]
    assert missing(source, "But DropOut2D randomly selects some feature maps, less than 100%") == ["10"]
    assert missing("برابر 4882 است", "equals 488") == ["4882"]
    assert missing("dropout در CNNها", "In CNNs, a dropout") == []
    assert missing("dropout در CNNها", "In networks, a nodropout") == ["dropout", "CNN"]


def test_module_exports():
    assert english_module.__all__ == ["ENGLISH", "english"]
    assert english_module.__doc__ and "English edition" in english_module.__doc__
