"""Q1(b)'s figures: each activation chart at PyTorch's default parameters, and GELU's approximations.

An entry's name, chart and parameter values come from
:func:`convproof.derivations.claims.activations.charts.chart_entries` (the values its checks use);
the GELU error maxima are the certified ones of :mod:`convproof.derivations.lib.gelu_bounds`.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import sympy as sp

from ...derivations.checks.numeric import compile_expr
from ...derivations.claims.activations.charts import chart_entries
from ...derivations.lib import activations, gelu_bounds
from ...derivations.lib.symbols import x
from ..i18n import strings
from . import style

__all__ = ["activation_chart", "gelu_errors", "parameters", "value_text"]

_X = np.linspace(-4.0, 4.0, 801)
_COLS = 5
_STATUS_COLOUR = {"refuted": "tab:red", "conditional": "darkorange"}  # the chart's form is drawn for these
_GREEK = {"alpha", "beta", "lambda"}
_TAG = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
# the report's two approximations of GELU: colour, line style, marker, marker offset
_FORMS = (("tanh", "tab:blue", "--", "o", 0), ("sigmoid", "tab:orange", "-.", "s", 50))


def value_text(value: sp.Basic) -> str:
    r"""A parameter's value in LaTeX after its name: ``= 0.01`` when a short decimal is exact, else ``\approx``.

    >>> value_text(sp.Rational(1, 100)), value_text(sp.Rational(11, 48)), value_text(sp.Integer(-1))
    ('= 0.01', '\\approx 0.2292', '= -1')
    """
    value = sp.nsimplify(value) if isinstance(value, float) else sp.sympify(value)
    if value.is_Rational:
        q = int(value.q)
        for factor in (2, 5):
            while q % factor == 0:
                q //= factor
        if q == 1:
            exact = Decimal(int(value.p)) / Decimal(int(value.q))
            return "= " + format(exact.normalize(), "f")
    return f"\\approx {float(value):.4f}"


def _torch_name(name: str) -> str:
    return "\\" + name if name in _GREEK else "\\mathrm{" + name.replace("_", "\\_") + "}"


def parameters(entry: dict) -> list[str]:
    r"""The parameters an entry is drawn at, as LaTeX formulas (without ``$``): the chart's symbols
    where it has them, else PyTorch's arguments.

    >>> parameters(chart_entries()["activations.chart1_rrelu"])
    ['a \\approx 0.2292']
    >>> parameters(chart_entries()["activations.chart2_leaky_relu"])
    ['\\mathrm{negative\\_slope} = 0.01']
    """
    if entry.get("at"):
        return [f"{sp.latex(symbol)} {value_text(value)}" for symbol, value in entry["at"].items()]
    return [f"{_torch_name(name)} {value_text(value)}" for name, value in entry.get("torch", ("", {}))[1].items()]


def _curve(expr: sp.Basic, claim, entry: dict) -> np.ndarray:
    values = {symbol: float(value) for symbol, value in entry.get("at", {}).items()}
    missing = [s for s in claim.symbols if s.name != "x" and s not in values]
    if missing:
        raise RuntimeError(f"{claim.id}: no default value for {missing}; add it to the chart entry's 'at'")
    columns = [_X if s.name == "x" else np.full_like(_X, values[s]) for s in claim.symbols]
    with np.errstate(all="ignore"):
        y = np.asarray(compile_expr(expr, claim.symbols)(*columns), dtype=float)
    y = np.broadcast_to(y, _X.shape).copy()
    y[~np.isfinite(y) | (np.abs(y) > 6)] = np.nan  # a pole (SoftSign as printed) would flatten the panel
    return y


def _legend(fig, T: dict, lang: str, slots: int, rows: int) -> None:
    """The legend in the empty slots at the end of the last row (bottom right, bottom left in Persian)."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color="tab:blue", linewidth=1.2, label=style.text(T["reference"], lang)),
        Line2D([], [], color="tab:red", linestyle="--", linewidth=1.0, label=style.text(T["as_written"], lang)),
    ]
    width = slots / _COLS
    left = 1 - width if lang == "en" else 0.0
    fig.legend(
        handles=handles,
        loc="center",
        bbox_to_anchor=(left, 0.0, width, 1 / rows * 0.85),
        frameon=False,
        markerfirst=lang == "en",  # the line on the side a reader starts from
    )


def activation_chart(pairs, lang: str, chart: int) -> bytes:
    """One of the report's two charts: every entry from PyTorch's definition at its default parameters
    (solid), and the chart's formula dashed where it is refuted or conditional, at the same parameters."""
    from matplotlib.ticker import MaxNLocator

    T = strings(lang)["figure_text"]
    entries = chart_entries()
    drawn = [(c, v, entries[c.id]) for c, v in pairs if c.id in entries and entries[c.id]["chart"] == chart]
    rows = -(-len(drawn) // _COLS)
    height = 1.25 * rows + 0.25
    # margins: room for the titles above, the x labels below and the f(x) labels on the left
    fig = style.new_figure(6.5, height, lang, left=0.45, bottom=0.35, top=0.22, right=0.07, wspace=0.36, hspace=0.55)
    columns = {}
    for index in range(len(drawn)):
        row, col = divmod(index, _COLS)
        columns[index] = (row, col if lang == "en" else _COLS - 1 - col)  # Persian reads right to left
    leftmost = {row: min(c for r, c in columns.values() if r == row) for row, _ in columns.values()}
    for index, (claim, verdict, entry) in enumerate(drawn):
        row, col = columns[index]
        ax = fig.add_subplot(rows, _COLS, row * _COLS + col + 1)
        ax.axhline(0, color="0.85", linewidth=0.5)
        ax.axvline(0, color="0.85", linewidth=0.5)
        ax.plot(_X, _curve(claim.reference, claim, entry), color="tab:blue", linewidth=1.2)
        colour = _STATUS_COLOUR.get(verdict.status)
        if colour:
            ax.plot(_X, _curve(claim.claimed[0][1], claim, entry), color="tab:red", linestyle="--", linewidth=1.0)
        ax.set_title(entry["name"], color=colour or "black", pad=3)
        if colour:
            tag = style.text(T["status"][verdict.status], lang)
            ax.text(
                0.96,
                0.05,
                tag,
                transform=ax.transAxes,
                ha="right",
                va="bottom",
                color=colour,
                bbox=_TAG,
                fontsize="x-small",
            )
        params = parameters(entry)
        if params:
            lines = "\n".join(f"${p}$" for p in params)
            ax.text(0.04, 0.95, lines, transform=ax.transAxes, va="top", fontsize=5.5, linespacing=1.5)
        ax.set_xticks([-4, 0, 4])
        ax.yaxis.set_major_locator(MaxNLocator(nbins=3))  # few ticks: small panels, and each tick costs time
        ax.set_xlim(-4, 4)
        ax.margins(y=0.12)
        ax.tick_params(length=2, pad=1.5)
        if index + _COLS >= len(drawn):
            ax.set_xlabel("$x$", labelpad=1)
        if col == leftmost[row]:
            ax.set_ylabel("$f(x)$", labelpad=1)
    _legend(fig, T, lang, rows * _COLS - len(drawn), rows)
    return style.pdf(fig, lang)


def gelu_errors(pairs, lang: str) -> bytes:
    """GELU and the report's tanh and sigmoid forms (top, with a zoom), and each form's error on its own
    linear axis (bottom) with its certified maximum over the real line marked and labelled."""
    T = strings(lang)["figure_text"]
    grid = np.linspace(-5.0, 5.0, 1001)
    exact = compile_expr(activations.gelu(x), [x])(grid)
    fig = style.new_figure(6.5, 3.8, lang, left=0.8, bottom=0.68, top=0.25, wspace=0.4, hspace=0.55)
    axes = fig.subplot_mosaic([["f", "f"], ["tanh", "sigmoid"]])
    top = axes["f"]
    zoom = top.inset_axes([0.08, 0.4, 0.3, 0.52])
    handles = top.plot(grid, exact, color="black", linewidth=1.8, label=style.text(T["gelu_curves"][0], lang))
    zoom.plot(grid, exact, color="black", linewidth=1.8)
    for (form, colour, dashes, marker, offset), label in zip(_FORMS, T["gelu_curves"][1:], strict=True):
        bound = gelu_bounds.gelu_error_bound(form)
        error_expr = gelu_bounds.approximation(form, bound.constant) - activations.gelu(x)
        approx = compile_expr(gelu_bounds.approximation(form, bound.constant), [x])(grid)
        line = dict(color=colour, linestyle=dashes, marker=marker, markevery=(offset, 100), markersize=3.5)
        line.update(markerfacecolor="white", linewidth=1.1, label=style.text(label, lang))
        handles += top.plot(grid, approx, **line)
        zoom.plot(grid, approx, **line)
        _error_panel(axes[form], grid, approx - exact, bound, float(error_expr.subs(x, bound.argmax)), line, T, lang)
        axes[form].set_title(style.text(label, lang))
    zoom.set_xlim(-3.4, -1.2)
    zoom.set_ylim(-0.2, 0.0)
    zoom.tick_params(labelsize=5, length=2, pad=1)
    top.indicate_inset_zoom(zoom, edgecolor="0.5")
    top.set_xlim(-4, 4)
    top.set_title(style.text(T["gelu_left"], lang))
    top.set_xlabel("$x$")
    top.set_ylabel("$f(x)$")
    top.grid(True, alpha=0.3)
    # one legend for the three curves, read from the side the edition starts from
    fig.legend(
        handles=handles if lang == "en" else handles[::-1],
        loc="lower center",
        ncols=3,
        frameon=False,
        markerfirst=lang == "en",
    )
    return style.pdf(fig, lang)


def _error_panel(ax, grid, error, bound, at_max: float, line: dict, T: dict, lang: str) -> None:
    """One approximation's error against x, its certified maximum |error| starred at +-argmax and labelled."""
    sign = 1.0 if at_max > 0 else -1.0
    colour = line["color"]
    ax.plot(grid, error, **line)
    ax.axhline(0, color="0.6", linewidth=0.5)
    ax.axhline(sign * bound.upper, color=colour, linewidth=0.6, linestyle=":")
    ax.plot([-bound.argmax, bound.argmax], [sign * bound.upper] * 2, linestyle="none", marker="*", color=colour)
    value = style.number(bound.upper, lang, ".3g")
    label = T["gelu_max"].replace("{value}", value).replace("{at}", f"{bound.argmax:.2f}")  # LaTeX braces
    ax.annotate(
        style.text(label, lang),
        (0, sign * bound.upper),
        xytext=(0, 3 * sign),
        textcoords="offset points",
        ha="center",
        va="bottom" if sign > 0 else "top",
        color=colour,
        fontsize="small",
        linespacing=1.1,
        bbox=_TAG,
    )
    low, high = float(np.min(error)), float(np.max(error))
    # room for the label on the maximum's side (two lines; Persian lines are taller)
    room, rim = (1.2 if lang == "en" else 1.7) * bound.upper, 0.1 * bound.upper
    ax.set_ylim(low - (room if sign < 0 else rim), high + (room if sign > 0 else rim))
    ax.set_xlim(grid[0], grid[-1])
    ax.set_xlabel("$x$")
    ax.set_ylabel(style.text(T["gelu_error"], lang))
    ax.grid(True, alpha=0.3)
