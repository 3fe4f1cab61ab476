"""Q2's and Q3's figures: receptive-field growth, and the Q3 network's sizes as reported and as derived.

The receptive fields come from :func:`convproof.derivations.lib.geometry.receptive_field`; the
report's Q3 values are read from its own table cells (:func:`report_values`), the derived ones
from :func:`convproof.derivations.claims.cnn_table.corrected_table`.
"""

from __future__ import annotations

import math
import re

import numpy as np

from ...derivations.claims.cnn_table import corrected_table, table_cells
from ...derivations.lib.geometry import receptive_field
from ..i18n import strings
from . import style

__all__ = ["cell_integers", "derived_values", "q3_shapes", "report_values", "rf_growth"]

_DEPTH = np.arange(0, 9)
# fixed dilations drawn: dilation, colour, line style, marker
_FIXED = ((1, "tab:blue", "-", "o"), (2, "tab:green", "--", "s"), (4, "tab:purple", "-.", "^"))
_REPORT_COLOUR, _DERIVED_COLOUR, _DIFFERS = "#9ecae1", "#08519c", "#fde0dc"


def _annotate(ax, point, label: str, offset=(4, 0), **kw) -> None:
    ax.annotate(label, point, xytext=offset, textcoords="offset points", va="center", fontsize="x-small", **kw)


def rf_growth(pairs, lang: str) -> bytes:
    """Receptive field against depth for stacks of 3-tap dilated convolutions: fixed dilations on a
    linear axis (left), the dilation doubling per layer on its own linear axis (right)."""
    T = strings(lang)["figure_text"]
    fig = style.new_figure(6.5, 2.6, lang, left=0.5, bottom=0.42, top=0.25, wspace=0.28)
    left, right = fig.subplots(1, 2)
    for dilation, colour, dashes, marker in _FIXED:
        rf = [receptive_field([(3, 1, dilation)] * int(n)) for n in _DEPTH]
        left.plot(
            _DEPTH,
            rf,
            color=colour,
            linestyle=dashes,
            marker=marker,
            markersize=3.5,
            label=f"$k = 3,\\ d = {dilation}$",
        )
        _annotate(left, (_DEPTH[-1], rf[-1]), style.number(rf[-1], lang), color=colour)
    fixed = [receptive_field([(3, 1, 1)] * int(n)) for n in _DEPTH]
    doubling = [receptive_field([(3, 1, 2**layer) for layer in range(int(n))]) for n in _DEPTH]
    right.plot(_DEPTH, doubling, color="tab:red", marker="D", markersize=3.5, label="$k = 3,\\ d_l = 2^{l-1}$")
    right.plot(_DEPTH, fixed, color="tab:blue", linestyle=":", marker="o", markersize=2.5, label="$k = 3,\\ d = 1$")
    for n, value in zip(_DEPTH, doubling, strict=True):
        if value >= 0.05 * doubling[-1]:  # the first few would sit on one another
            _annotate(right, (n, value), style.number(value, lang), offset=(-4, 3), ha="right", color="tab:red")
    for ax, title in ((left, T["rf_fixed"]), (right, T["rf_doubling"])):
        ax.set_title(style.text(title, lang))
        ax.set_xlabel(style.text(T["rf_layers"], lang))
        ax.set_ylabel(style.text(T["rf_value"], lang))
        ax.set_xticks(_DEPTH)
        ax.set_xlim(-0.3, _DEPTH[-1] + 0.9)
        ax.set_ylim(0, 1.12 * max(max(line.get_ydata()) for line in ax.lines))  # room for the last value's label
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper left", markerfirst=lang == "en")
    return style.pdf(fig, lang)


def cell_integers(cell: str) -> list[int]:
    r"""The integers written in a cell of the report's table, in order.

    >>> cell_integers(r"$[(3 \times (3 \times 3)) + 1] \times 8 = 224$")
    [3, 3, 3, 1, 8, 224]
    """
    return [int(digits) for digits in re.findall(r"\d+", cell)]


def report_values() -> list[tuple[str, int | None, int | str | None]]:
    r"""Each row of the report's Q3 table as (layer, output size, parameters), read from its cells.

    The output size is the product of the dimensions the cell writes (``32 \times 32 \times 8``); the
    parameters are the last number of the cell, the value it states (``... = 224``, ``\beta, \gamma
    \Rightarrow 2``), ``"blank"`` for an empty cell (the report's total counts it as 0) and ``None``
    for a cell of words without a number.

    >>> report_values()[1], report_values()[3], report_values()[5]
    (('CONV3-8', 8192, 224), ('Pool-2', 2048, 'blank'), ('CONV5-16(3,2)', 576, 3276))
    """
    out = []
    for layer, shape, params in table_cells():
        dims = cell_integers(shape)
        numbers = cell_integers(params)
        value = numbers[-1] if numbers else ("blank" if not params.strip() else None)
        out.append((layer, math.prod(dims) if dims else None, value))
    return out


def derived_values() -> list[tuple[str, int, int | None]]:
    """Each row of the Q3 network as ``layer_table`` derives it: (layer, output size, trainable parameters);
    the input has no parameters (None)."""
    table = corrected_table()
    rows = [(row.layer, math.prod(row.output_shape), row.params) for row in table.rows]
    return [("Input", math.prod(table.input_shape), None), *rows]


def _bar_label(value, lang: str, T: dict) -> str:
    if value is None:
        return style.text(T["q3_words"], lang)
    if value == "blank":
        return style.text(f"{style.number(0, lang)} ({T['q3_blank']})", lang)
    return style.number(value, lang)


def q3_shapes(pairs, lang: str) -> bytes:
    """Output size and trainable parameters of each Q3 layer: the report's (hatched) beside the derived
    (solid), each bar labelled with its value; rows where the two differ shaded."""
    T = strings(lang)["figure_text"]
    report, derived = report_values(), derived_values()
    if [row[0] for row in report] != [row[0] for row in derived]:
        raise RuntimeError("the report's Q3 table and the derived table list different layers")
    fig = style.new_figure(6.5, 3.4, lang, left=1.05, bottom=0.42, top=0.25, wspace=0.06)
    sizes, params = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(report))
    for ax, column in ((sizes, 1), (params, 2)):
        reported = [row[column] for row in report]
        truth = [row[column] for row in derived]
        numeric = [0 if v == "blank" else v for v in reported]
        top = max(v for v in [*numeric, *truth] if v is not None)
        for n, (said, true) in enumerate(zip(numeric, truth, strict=True)):
            if true is None:
                continue
            if said is not None and said != true:
                ax.axhspan(n - 0.5, n + 0.5, color=_DIFFERS, zorder=0)
            ax.barh(
                n - 0.2,
                said or 0,
                height=0.38,
                color=_REPORT_COLOUR,
                hatch="////",
                edgecolor="white",
                linewidth=0,
                label=style.text(T["q3_report"], lang) if n == 1 else None,
            )
            ax.barh(
                n + 0.2,
                true,
                height=0.38,
                color=_DERIVED_COLOUR,
                label=style.text(T["q3_derived"], lang) if n == 1 else None,
            )
            _annotate(ax, (said or 0, n - 0.2), _bar_label(reported[n], lang, T), offset=(2, 0))
            _annotate(ax, (true, n + 0.2), style.number(true, lang), offset=(2, 0))
        ax.set_xlim(0, top * 1.3)
        ax.grid(True, axis="x", alpha=0.3)
        ax.set_xlabel(style.text(T["q3_count"], lang))
        ax.tick_params(axis="y", length=0)
    differs = {n for n, (r, d) in enumerate(zip(report, derived, strict=True)) if _differs(r, d)}
    names = [style.text(T["input"], lang) if n == 0 else row[0] for n, row in enumerate(report)]
    sizes.set_yticks(y, names)
    for n, label in enumerate(sizes.get_yticklabels()):
        if n in differs:
            label.set_color("tab:red")
    sizes.invert_yaxis()
    sizes.set_ylabel(style.text(T["q3_layer"], lang))
    sizes.set_title(style.text(T["q3_size"], lang))
    params.set_title(style.text(T["q3_params"], lang))
    params.legend(loc="upper right", markerfirst=lang == "en")
    return style.pdf(fig, lang)


def _differs(report, derived) -> bool:
    """Whether the report's row states a size or a count other than the derived one (a blank reads as 0)."""
    pairs = zip(report[1:], derived[1:], strict=True)
    return any(r is not None and d is not None and (0 if r == "blank" else r) != d for r, d in pairs)
