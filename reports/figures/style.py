"""What every figure shares: the edition's fonts and sizes, Persian text, Persian tick labels, PDF bytes.

matplotlib draws characters left to right one by one unless it lays text out itself (3.11 and
later, through libraqm, outside ``$...$``). Persian text is therefore shaped with
``arabic-reshaper`` and put in visual order with ``python-bidi`` wherever matplotlib will not do
it: always for a label that holds a formula (mathtext lays out glyph by glyph), and for every
label on an older matplotlib. Formulas and Latin runs (``$f(x)$``, ``CONV5-16(3,2)``) are held
out of the reordering and stay left to right.
"""

from __future__ import annotations

import io
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import arabic_reshaper
from bidi.algorithm import get_display  # the pure-Python algorithm: it mirrors brackets, the Rust one does not

from ...derivations.errors import ToolMissingError
from ..i18n import persian_digits

__all__ = ["AMIRI", "edition", "localise_ticks", "native_layout", "new_figure", "number", "pdf", "rtl", "text"]

AMIRI = Path("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf")
# no creation date: the same inputs give the same bytes
_METADATA = {"CreationDate": None, "Creator": "convproof", "Producer": "convproof"}
# sizes in points; Amiri's Persian letters are small for their size, so the Persian edition is larger
_SIZES = {"font.size": 8, "axes.titlesize": 8, "axes.labelsize": 8, "legend.fontsize": 7}
_TICKS = 6.5
_SCALE = {"en": 1.0, "fa": 1.2}
_MARGIN = {"en": 1.0, "fa": 1.3}  # Amiri's lines are taller than DejaVu Sans's
# a formula, or a Latin run that starts with a letter or an opening bracket and ends on a letter, digit or closing bracket
_HELD = re.compile(r"\$[^$]*\$|[A-Za-z(\[][\x20-\x7e]*[A-Za-z0-9)\]]|[A-Za-z]")
_PLACEHOLDER = 0xE000  # private use: bidi class L, never joined to a letter
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_RLM = "\u200f"
_MATH_NUMBER = re.compile(r"\$\\mathdefault\{([\d.,\u2212-]*)\}\$")
# Persian punctuation between two Latin runs would take their direction: a right-to-left mark keeps it Persian
_PUNCTUATION = re.compile(r"([\u060c\u061b\u061f])")


@lru_cache(maxsize=1)
def native_layout() -> bool:
    """Whether matplotlib shapes and orders right-to-left text itself (libraqm, matplotlib 3.11 on)."""
    import matplotlib

    return "text.language" in matplotlib.rcParams


@lru_cache(maxsize=1)
def _amiri() -> str:
    """Register the Amiri font by its path and return its family name; one line if it is missing."""
    if not AMIRI.is_file():
        raise ToolMissingError(
            f"the Persian figures need the Amiri font ({AMIRI}): install the Debian package fonts-hosny-amiri"
        )
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(AMIRI))
    return font_manager.FontProperties(fname=str(AMIRI)).get_name()


def rtl(line: str) -> str:
    """One line of Persian in visual order with its letters shaped; formulas and Latin runs held as they are.

    Each held run stands in the bidi algorithm as one left-to-right character, so
    ``(3,2)`` in ``CONV5-16(3,2)`` is neither mirrored nor moved.
    """
    held: list[str] = []

    def hold(match: re.Match) -> str:
        held.append(match.group(0))
        return chr(_PLACEHOLDER + len(held) - 1)

    masked = _PUNCTUATION.sub(r"\1" + _RLM, _HELD.sub(hold, line))
    visual = get_display(arabic_reshaper.reshape(masked), base_dir="R").replace(_RLM, "")
    return re.sub("[\ue000-\uf8ff]", lambda m: held[ord(m.group(0)) - _PLACEHOLDER], visual)


def text(value: str, lang: str) -> str:
    """A label as matplotlib must receive it in the edition: Persian shaped and ordered where needed."""
    if lang != "fa" or not _ARABIC.search(value):
        return value
    return "\n".join(_line(line) for line in value.split("\n"))


def _line(line: str) -> str:
    """One line of a Persian label; matplotlib decides line by line whether it is mathtext."""
    if native_layout() and "$" not in line:
        # matplotlib orders the line itself; the mark makes its base direction right to left
        return _RLM + _PUNCTUATION.sub(r"\1" + _RLM, line)
    return rtl(line)


def number(value, lang: str, spec: str = ",") -> str:
    """A number as prose: Persian digits, separators and decimal point in the Persian edition.

    >>> number(3276, "fa"), number(0.0203, "fa", ".3g"), number(1440, "en")
    ('۳٬۲۷۶', '۰٫۰۲۰۳', '1,440')
    """
    return number_text(format(value, spec), lang)


@contextmanager
def edition(lang: str):
    """matplotlib's settings for one edition's figures: sizes, and the Amiri font for Persian."""
    import matplotlib

    scale = _SCALE[lang]
    settings = {key: size * scale for key, size in _SIZES.items()}
    settings.update({"xtick.labelsize": _TICKS * scale, "ytick.labelsize": _TICKS * scale})
    settings.update({"axes.unicode_minus": True, "mathtext.fontset": "dejavusans"})
    settings["pdf.fonttype"] = 3  # glyph outlines; subsetting the font program (42) takes twice the time
    if lang == "fa":
        settings["font.family"] = [_amiri(), "DejaVu Sans"]
    else:
        settings["font.family"] = ["DejaVu Sans"]
    with matplotlib.rc_context(settings):
        yield


def new_figure(
    width: float,
    height: float,
    lang: str,
    *,
    left: float,
    bottom: float,
    top: float,
    right: float = 0.1,
    wspace: float | None = None,
    hspace: float | None = None,
):
    """A figure of the given size in inches (the page's text is 6.5 in wide) with fixed margins, in inches
    at the English sizes, grown for the Persian edition's taller lines. (matplotlib's constrained layout
    would find them itself, at twice a figure's time.)"""
    from matplotlib.figure import Figure

    grow = _MARGIN[lang]
    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(
        left=grow * left / width,
        right=1 - right / width,
        bottom=grow * bottom / height,
        top=1 - grow * top / height,
        wspace=wspace,
        hspace=None if hspace is None else grow * hspace,
    )
    return fig


def _tick_formatter(inner, lang: str):
    from matplotlib.ticker import Formatter

    class PersianTicks(Formatter):
        """The inner formatter's labels with Persian digits (formulas, ``$...$``, stay as they are)."""

        def set_axis(self, axis):
            super().set_axis(axis)
            inner.set_axis(axis)

        def set_locs(self, locs):
            super().set_locs(locs)
            inner.set_locs(locs)

        def __call__(self, x, pos=None):
            label = inner(x, pos)
            plain = _MATH_NUMBER.fullmatch(label)  # $\mathdefault{0.5}$ is a number, 10^{-4} a formula
            return number_text(plain.group(1), lang) if plain else label if "$" in label else number_text(label, lang)

        def format_ticks(self, values):
            self.set_locs(values)
            return [self(value, pos) for pos, value in enumerate(values)]

        def get_offset(self):
            return number_text(inner.get_offset(), lang)

    return PersianTicks()


def number_text(label: str, lang: str) -> str:
    """Digits, decimal point and thousands separator of a label in the edition's script."""
    if lang != "fa":
        return label
    return persian_digits(label.replace(",", "\u066c").replace(".", "\u066b"))


def localise_ticks(fig, lang: str) -> None:
    """Persian digits on every tick label of the figure, in the Persian edition."""
    if lang != "fa":
        return
    from matplotlib.ticker import LogFormatter, ScalarFormatter

    for ax in [*fig.axes, *(child for parent in fig.axes for child in parent.child_axes)]:  # insets are children
        for axis in (ax.xaxis, ax.yaxis):
            inner = axis.get_major_formatter()
            if isinstance(inner, (ScalarFormatter, LogFormatter)):  # numbers; labels set by a figure are names
                axis.set_major_formatter(_tick_formatter(inner, lang))


def pdf(fig, lang: str) -> bytes:
    """The figure as vector PDF bytes, its tick labels in the edition's digits."""
    localise_ticks(fig, lang)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf", metadata=_METADATA)
    return buffer.getvalue()
