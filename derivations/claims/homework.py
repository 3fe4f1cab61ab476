"""The homework's knowledge apart from any report: every quantity an answer states, and how to judge it.

A :class:`Quantity` is one formula of the homework (the receptive field of i dilated layers,
dL/dk_i, GELU's tanh form, the output shape of a layer of Q3's network, ...). Its id is the id
of the vendored report's claim that states it; :attr:`Quantity.build` makes a claim of that
quantity from another report's text through the topic's own builder
(:attr:`~convproof.derivations.claim.Claim.reread`), so the reference, domain, checks and hooks
are exactly the vendored claim's, and only the statement and the claimed parts come from the
text. How answers name a quantity (its left-hand side patterns and words) is
:mod:`convproof.derivations.claims.homework_words`.

>>> q = quantity("dilated.rf_closed_form")
>>> q.question, q.part, q.title
('Q2', 'b', 'receptive field of i dilated layers (closed form)')
>>> q.build(r"RF(i) = 1 + i(k-1)d").source
'RF(i) = 1 + i(k-1)d'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from ..claim import Claim
from ..errors import BadInputError, ConvproofError, UnknownClaimError
from ..latex.front import split_chain
from . import registry
from .homework_words import NAMED
from .renaming import rename_like

__all__ = ["Quantity", "left_side", "normalise", "quantities", "quantity"]

_LEAD = re.compile(r"^\s*(?:\\begin\{(?:aligned|split)\}\s*)?(?:\\Rightarrow|\\implies|\\Longrightarrow)?\s*")
_SPACING = re.compile(r"\s+|\\left(?![a-zA-Z])|\\right(?![a-zA-Z])|\\[,;:! ]|&")


@dataclass(frozen=True)
class Quantity:
    """One quantity of the homework: its place, how answers name it, and how to judge a formula for it."""

    id: str
    question: str
    part: str
    title: str
    lhs: tuple[str, ...]
    words: tuple[str, ...]
    build: Callable[..., Claim]
    # An answer may state it as a bare calculation (``\frac{(32-3)+2}{1} + 1 = 32``): these patterns
    # read the whole statement, spaces removed.
    calculation: tuple[str, ...] = ()
    # A cell of Q3's table: its column ("params", "shape") and which row of that layer's name it is
    # (the second ``Pool-2`` row is 2).
    column: str = ""
    repeat: int = 0
    # Built with the values the report wrote in this column of its table (``build(text, stated=...)``).
    adds: str = ""


def normalise(lhs: str) -> str:
    """A left-hand side as the patterns read it: spaces, ``\\left``, ``\\right``, thin spaces and ``&`` removed.

    >>> normalise(r"\\frac{\\partial L}{\\partial k_1} &")
    '\\\\frac{\\\\partialL}{\\\\partialk_1}'
    """
    return _SPACING.sub("", lhs)


def left_side(latex: str) -> str:
    """The left-hand side of a formula, as written (``""`` when it has no ``=``).

    >>> left_side(r"\\Rightarrow \\frac{\\partial L}{\\partial z_1} = 0")
    '\\\\frac{\\\\partial L}{\\\\partial z_1}'
    >>> left_side(r"1 + d(k-1)")
    ''
    """
    sides = split_chain(_LEAD.sub("", latex))
    return sides[0].replace("&", "").strip() if len(sides) > 1 else ""


def _named(patterns: tuple[str, ...], lhs: str) -> bool:
    return bool(lhs) and any(re.fullmatch(p, normalise(lhs), re.I) for p in patterns)


# A multi-letter name set upright before its subscript (\mathrm{RF}_{i-1}, \operatorname{RF}_0).
_UPRIGHT_NAME = re.compile(r"\\(?:mathrm|operatorname|text|textrm|mathit)\{([A-Za-z]{2,})\}(?=\s*_)")


def _canonical(text: str, patterns: tuple[str, ...], vendored: str) -> str:
    """The text with its left-hand side written as the vendored formula writes it (dropped if that one has none).

    Only a text whose left side is a name of the quantity is rewritten: ``RF(i) = ...`` is read as
    ``RF_i = ...``, ``O = N - d(k-1)`` as ``N - d(k-1)``. The claim keeps the text verbatim as its source.
    """
    mine, theirs = left_side(text), left_side(vendored)
    if not _named(patterns, mine) or normalise(mine) == normalise(theirs):
        return text
    rest = " = ".join(split_chain(_LEAD.sub("", text))[1:])
    return f"{theirs} = {rest}" if _named(patterns, theirs) else rest


def _builder(vendored: Claim, patterns: tuple[str, ...], title: str) -> Callable[[str], Claim]:
    reread = vendored.reread

    def build(text: str, *, named: bool = False, blank: bool = False, **context) -> Claim:
        """The claim of this quantity that ``text`` states; ``named``: its left side names the quantity
        whatever it reads (the writer marked it so); ``blank``: a blank table cell, ``text`` its row's name."""
        if not isinstance(text, str) or not text.strip():
            raise BadInputError(f"{vendored.id}: give the formula as non-empty LaTeX text, not {text!r}")
        try:
            written = _UPRIGHT_NAME.sub(r"\1", text)  # \mathrm{RF}_{i}: the name RF_{i}
            model = vendored.source or ""  # convproof's own claim (dropout's scaling) has no source
            canonical = _canonical(written, (".*",) if named else patterns, model)
            # the writer's own names for a sum's index and limit and the argument, read as the homework's
            canonical, renamed = ("", ()) if blank else rename_like(canonical, model, written)
            claim = reread(canonical, **context)
        except ConvproofError as error:
            raise type(error)(f"{vendored.id} ({title}): {error}") from None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RuntimeError) as error:
            reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            raise BadInputError(f"{vendored.id} ({title}): cannot read {text!r} as this quantity ({reason})") from None
        return replace(
            claim,
            id=vendored.id,
            source=text,
            extension=False,
            question=vendored.question,
            part=vendored.part,
            where=vendored.where,
            topic=vendored.topic,
            depends_on=vendored.depends_on,
            renamed=renamed,
        )

    return build


_OUTPUT_SIZE = (r"(?:\\[dt]?frac\{.+\}\{[^{}]+\}|\(.+\)/\d+|\d+/\d+)\+1=\d+(?:\.\d+)?",)
_TOTAL = (r"\d+(?:\+\d+){2,}=\d+",)


# A layer of Q3's network as other tables name it (Conv1, MaxPool, BN, Dense ...): its kind's words
_KINDS = (
    (r"conv", ("conv", "convolution", "کانولوشن")),
    (r"relu", ("relu",)),
    (r"pool", ("pool", "maxpool", "max pool", "pooling")),
    (r"batchnorm", ("batchnorm", "batch norm", "bn")),
    (r"flatten", ("flatten",)),
    (r"fc", ("fc", "dense", "linear", "fully connected")),
)


def _table_quantity(claim: Claim, repeats: dict[tuple[str, str], int]) -> dict:
    """Q3: a cell's title, words and place from the layer it belongs to (the claim's lhs names it)."""
    layer = re.sub(r"\\text\{(?:side of the )?(?:output|parameters) of (.*)\}", r"\1", claim.lhs)
    if claim.id.endswith(".total_sum"):
        words = ("total", "sum", "parameters", "کل", "مجموع", "پارامتر")
        return {"title": "sum of the parameter column (total)", "words": words, "calculation": _TOTAL, "adds": "params"}
    if ".calc." in claim.id:
        words = (layer.lower(), "output size", "اندازه خروجی", "calculation", "محاسبه", "محاسبات")
        return {"title": f"side of the output of {layer}", "words": words, "calculation": _OUTPUT_SIZE}
    column = "params" if ".params" in claim.id else "shape"
    repeats[(column, layer)] = repeat = repeats.get((column, layer), 0) + 1
    kind = next((names for pattern, names in _KINDS if re.match(pattern, layer, re.I)), ())
    if column == "params":
        words = (layer.lower(), *kind, "parameters", "params", "پارامتر")
        return {"title": f"parameters of {layer} ({claim.part})", "words": words, "column": column, "repeat": repeat}
    words = (layer.lower(), *kind, "output", "shape", "ابعاد خروجی")
    return {"title": f"output shape of {layer} ({claim.part})", "words": words, "column": column, "repeat": repeat}


@cache
def _quantities() -> dict[str, Quantity]:
    out: dict[str, Quantity] = {}
    repeats: dict[tuple[str, str], int] = {}
    for claim in registry.all_claims():
        if claim.id in NAMED:
            title, lhs, words = NAMED[claim.id]
            extra = {}
        elif claim.topic == "cnn_table" and claim.lhs:
            extra, lhs = _table_quantity(claim, repeats), ()  # a prose cell counts among its layer's rows
            title, words = extra.pop("title"), extra.pop("words")
            if claim.reread is None:
                continue
        else:
            continue
        if claim.reread is None:
            raise RuntimeError(f"{claim.id} is a quantity of the homework but its builder sets no reread")
        build = _builder(claim, lhs, title)
        out[claim.id] = Quantity(claim.id, claim.question, claim.part, title, lhs, words, build, **extra)
    missing = sorted(set(NAMED) - set(out))
    if missing:
        raise RuntimeError(f"homework_words names quantities with no claim: {missing}")
    return out


def quantities() -> tuple[Quantity, ...]:
    """Every quantity of the homework with a formula (not prose), in the order of the report.

    >>> len({q.question for q in quantities()})
    4
    """
    return tuple(_quantities().values())


def quantity(quantity_id: str) -> Quantity:
    """The quantity with this id; an unknown id lists the close matches.

    >>> q = quantity("conv_grads.dL_dk1")
    >>> any(re.fullmatch(pattern, normalise(r"\\frac{dL}{dk_1}")) for pattern in q.lhs)
    True
    """
    known = _quantities()
    try:
        return known[quantity_id]
    except KeyError:
        close = difflib.get_close_matches(str(quantity_id), list(known), n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else "see docs/homework.md for the list"
        raise UnknownClaimError(f"no quantity of the homework with id {quantity_id!r}; {hint}") from None
