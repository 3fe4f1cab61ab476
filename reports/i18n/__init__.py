"""The report's prose, one module per language; every string of an edition lives there.

>>> strings("en")["status"]["refuted"]
'refuted'
>>> persian_digits("Q2: 16 claims, momentum 0.1")
'Q۲: ۱۶ claims, momentum ۰٫۱'
"""

from __future__ import annotations

import importlib
import re

from ...derivations.errors import BadInputError

LANGS = ("en", "fa")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# a point between digits is a decimal point; next to Persian digits "." reads as a zero
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def strings(lang: str) -> dict:
    """The string table of one edition."""
    if lang not in LANGS:
        raise BadInputError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return importlib.import_module(f".{lang}", __package__).STRINGS


def persian_digits(text: str) -> str:
    """Western digits to Persian ones, with the Persian decimal separator (for prose only, never inside formulas)."""
    return _DECIMAL_POINT.sub("٫", text).translate(_PERSIAN)
