"""The report's figures, drawn with matplotlib from the references (vector PDF).

Each figure function returns the PDF bytes; :func:`render_assets` draws them
once for both editions and :func:`figure_latex` includes them, per question. Labels inside the figures
are mathematical or English; captions come from the edition's strings.
Output is deterministic: no creation date in the PDF metadata.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import sympy as sp

from ..derivations.checks.numeric import compile_expr
from ..derivations.claims import cnn_table
from ..derivations.lib import activations, gelu_bounds
from ..derivations.lib.geometry import receptive_field

__all__ = ["activation_charts", "figure_latex", "gelu_errors", "q3_shapes", "render_assets", "rf_growth"]

_X = np.linspace(-4.0, 4.0, 801)

_METADATA = {"CreationDate": None, "Creator": "convproof", "Producer": "convproof"}


def _new_figure(width: float = 6.0, height: float = 3.4, layout: str | None = "constrained"):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout=layout)


def _pdf(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf", metadata=_METADATA)
    return buffer.getvalue()


def rf_growth() -> bytes:
    """Receptive field against depth for stacks of 3-tap dilated convolutions."""
    fig = _new_figure()
    ax = fig.add_subplot()
    depth = np.arange(0, 9)
    for dilation in (1, 2, 4):
        rf = [receptive_field([(3, 1, dilation)] * int(n)) for n in depth]
        ax.plot(depth, rf, marker="o", label=f"$k = 3,\\ d = {dilation}$")
    doubling = [receptive_field([(3, 1, 2**layer) for layer in range(int(n))]) for n in depth]
    ax.plot(depth, doubling, marker="s", linestyle="--", label="$k = 3,\\ d_l = 2^{l-1}$ (doubling)")
    ax.set_xlabel("number of layers $i$")
    ax.set_ylabel("receptive field $RF_i$")
    ax.set_yscale("log", base=2)
    ax.grid(True, alpha=0.3)
    ax.legend()
    return _pdf(fig)


def _parameter_values(claim) -> dict:
    """Each non-x symbol of a chart entry at a typical value: the middle of its sampled range."""
    values = {}
    for symbol in claim.symbols:
        if symbol.name == "x":
            continue
        dom = claim.domain[symbol]
        mid = (dom.low + dom.high) / 2
        values[symbol] = round(mid) if dom.kind == "integer" else mid
    return values


def _curve(expr, claim, values) -> np.ndarray:
    symbols = claim.symbols
    columns = [_X if s.name == "x" else np.full_like(_X, values[s]) for s in symbols]
    with np.errstate(all="ignore"):
        y = np.asarray(compile_expr(expr, symbols)(*columns), dtype=float)
    y = np.broadcast_to(y, _X.shape).copy()
    y[~np.isfinite(y) | (np.abs(y) > 6)] = np.nan  # a pole (SoftSign as printed) would flatten the panel
    return y


def activation_charts(pairs) -> bytes:
    """Every entry of both charts from its reference, the chart's form dashed where refuted."""
    entries = [(c, v) for c, v in pairs if c.id.startswith("activations.chart") and c.claimed]
    cols = 5
    rows = -(-len(entries) // cols)
    # a fixed grid: the constrained layout engine costs seconds for 30 panels
    fig = _new_figure(7.2, 1.45 * rows, layout=None)
    fig.subplots_adjust(left=0.04, right=0.99, bottom=0.03, top=0.97, wspace=0.35, hspace=0.45)
    for index, (claim, verdict) in enumerate(entries):
        ax = fig.add_subplot(rows, cols, index + 1)
        values = _parameter_values(claim)
        ax.plot(_X, _curve(claim.reference, claim, values), color="tab:blue", linewidth=1.2)
        if verdict.status in ("refuted", "conditional"):
            ax.plot(_X, _curve(claim.claimed[0][1], claim, values), color="tab:red", linestyle="--", linewidth=1.0)
        name = claim.where.rsplit(",", 1)[-1].strip()
        chart = "1" if ".chart1_" in claim.id else "2"
        ax.set_title(f"{name} ({chart})", fontsize=7, color="tab:red" if verdict.status == "refuted" else "black")
        ax.tick_params(labelsize=5)
        ax.axhline(0, color="0.8", linewidth=0.5)
        ax.axvline(0, color="0.8", linewidth=0.5)
    return _pdf(fig)


def gelu_errors(pairs=None) -> bytes:
    """GELU and its two approximations, and their errors with the certified maxima marked."""
    x = sp.Symbol("x", real=True)
    grid = np.linspace(-6.0, 6.0, 2401)
    exact = compile_expr(activations.gelu(x), [x])(grid)
    fig = _new_figure(7.0, 2.8)
    left, right = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    left.plot(grid, exact, label="GELU $x\\Phi(x)$", color="black")
    styles = {"tanh": ("tab:blue", activations.gelu_tanh), "sigmoid": ("tab:orange", activations.gelu_sigmoid)}
    for form, (color, build) in styles.items():
        approx = compile_expr(build(x), [x])(grid)
        left.plot(grid, approx, linestyle="--", color=color, label=f"{form} form")
        right.plot(grid, approx - exact, color=color, label=f"{form} form")
        bound = gelu_bounds.gelu_error_bound(form)
        for sign in (1, -1):
            at = sign * bound.argmax
            err = float(compile_expr(build(x) - activations.gelu(x), [x])(np.array([at]))[0])
            right.plot([at], [err], marker="o", color=color)
        right.annotate(
            f"max {bound.upper:.3g}",
            (bound.argmax, bound.upper if err > 0 else -bound.upper),
            fontsize=6,
            color=color,
            xytext=(4, 4),
            textcoords="offset points",
        )
    left.set_xlim(-4, 4)
    left.legend(fontsize=6)
    left.set_title("GELU and its approximations", fontsize=8)
    right.set_yscale("symlog", linthresh=1e-4)
    right.set_title("approximation - GELU (certified maxima marked)", fontsize=8)
    right.legend(fontsize=6)
    for ax in (left, right):
        ax.grid(True, alpha=0.3)
        ax.tick_params(labelsize=6)
    return _pdf(fig)


def q3_shapes(pairs=None) -> bytes:
    """The Q3 network: activation size and parameters after each layer, from layer_table."""
    table = cnn_table.corrected_table()
    names = ["Input"] + [f"{row.position}. {row.layer}" for row in table.rows]
    sizes = [int(np.prod(table.input_shape))] + [int(np.prod(row.output_shape)) for row in table.rows]
    params = [0] + [row.params for row in table.rows]
    fig = _new_figure(6.5, 3.0)
    ax = fig.add_subplot()
    positions = np.arange(len(names))
    ax.bar(positions - 0.2, sizes, width=0.4, label="activation size (H x W x C)", color="tab:blue")
    ax.bar(positions + 0.2, params, width=0.4, label="trainable parameters", color="tab:orange")
    ax.set_yscale("symlog", linthresh=1)
    ax.set_xticks(positions, names, rotation=35, ha="right", fontsize=7)
    ax.legend(fontsize=7)
    ax.grid(True, axis="y", alpha=0.3)
    return _pdf(fig)


# question -> [(file name, figure function of the (claim, verdict) pairs, caption key)]
FIGURES: dict[str, list[tuple[str, Callable, str]]] = {
    "Q1": [
        ("fig-activations.pdf", activation_charts, "fig_activations"),
        ("fig-gelu.pdf", gelu_errors, "fig_gelu"),
    ],
    "Q2": [("fig-rf-growth.pdf", lambda pairs: rf_growth(), "fig_rf_growth")],
    "Q3": [("fig-q3-shapes.pdf", q3_shapes, "fig_q3")],
}


def render_assets(pairs) -> dict[str, bytes]:
    """The PDF bytes of every figure (the same for both editions), by file name."""
    return {name: draw(pairs) for entries in FIGURES.values() for name, draw, _ in entries}


def figure_latex(S: dict) -> dict[str, str]:
    """LaTeX per question that includes its figures, with the edition's captions."""
    return {
        question: "".join(
            "\\begin{figure}[htbp]\\centering\n"
            f"\\includegraphics[width=\\linewidth]{{{name}}}\n"
            f"\\caption{{{S['captions'][caption]}}}\n\\end{{figure}}\n"
            for name, _, caption in entries
        )
        for question, entries in FIGURES.items()
    }
