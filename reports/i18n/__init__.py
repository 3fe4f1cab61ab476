"""The report's prose, one module per language; every string of an edition lives there.

>>> strings("en")["status"]["refuted"]
'refuted'
>>> persian_digits("Q2: 16 claims")
'Q۲: ۱۶ claims'
"""

from __future__ import annotations

import importlib

from ...derivations.errors import BadInputError

LANGS = ("en", "fa")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def strings(lang: str) -> dict:
    """The string table of one edition."""
    if lang not in LANGS:
        raise BadInputError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return importlib.import_module(f".{lang}", __package__).STRINGS


def persian_digits(text: str) -> str:
    """Western digits to Persian ones (for prose only, never inside formulas)."""
    return text.translate(_PERSIAN)
