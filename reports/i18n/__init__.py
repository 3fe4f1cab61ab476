"""The report's prose, one module per language; every string of an edition lives there.

>>> strings("en")["status"]["refuted"]
'refuted'
>>> persian_digits("Q2: 16 claims, momentum 0.1")
'Q۲: ۱۶ claims, momentum ۰٫۱'
>>> persian_digits(r"۳ and $x^2 + 1$ in \\lr{CONV5-16(3,2)}, 12 more")
'۳ and $x^2 + 1$ in \\\\lr{CONV5-16(3,2)}, ۱۲ more'
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


def _latin_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` stays Latin: ``$...$`` formulas and ``\\lr{...}`` runs (braces matched)."""
    spans, pos = [], 0
    while pos < len(text):
        if text[pos] == "$":
            end = text.find("$", pos + 1)
            end = len(text) if end < 0 else end + 1
            spans.append((pos, end))
            pos = end
        elif text.startswith("\\lr{", pos):
            depth, end = 0, pos + 3
            while end < len(text):
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                end += 1
                if depth == 0:
                    break
            spans.append((pos, end))
            pos = end
        else:
            pos += 1
    return spans


def persian_digits(text: str) -> str:
    """Western digits to Persian ones, with the Persian decimal separator, in prose only.

    Formulas (``$...$``) and Latin runs (``\\lr{...}``) keep their Latin digits: the math fonts have
    no Persian digits, and a layer such as CONV5-16(3,2) is a name.
    """
    out, last = [], 0
    for start, end in _latin_spans(text):
        out.append(_DECIMAL_POINT.sub("٫", text[last:start]).translate(_PERSIAN))
        out.append(text[start:end])
        last = end
    out.append(_DECIMAL_POINT.sub("٫", text[last:]).translate(_PERSIAN))
    return "".join(out)
