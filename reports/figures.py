"""The report's figures, drawn with matplotlib from the references (vector PDF).

Each figure function returns the PDF bytes; :func:`render_all` gathers them
with the LaTeX that includes them, per question. Labels inside the figures
are mathematical or English; captions come from the edition's strings.
Output is deterministic: no creation date in the PDF metadata.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np

from derivations import receptive_field

__all__ = ["FIGURES", "render_all", "rf_growth"]

_METADATA = {"CreationDate": None, "Creator": "convproof", "Producer": "convproof"}


def _new_figure(width: float = 6.0, height: float = 3.4):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig


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


# question -> [(file name, figure function, caption key)]
FIGURES: dict[str, list[tuple[str, Callable[[], bytes], str]]] = {
    "Q2": [("fig-rf-growth.pdf", rf_growth, "fig_rf_growth")],
}


def render_all(S: dict) -> tuple[dict[str, str], dict[str, bytes]]:
    """LaTeX per question that includes its figures, and the PDF bytes per file name."""
    latex: dict[str, str] = {}
    assets: dict[str, bytes] = {}
    for question, entries in FIGURES.items():
        blocks = []
        for name, draw, caption in entries:
            assets[name] = draw()
            blocks.append(
                "\\begin{figure}[htbp]\\centering\n"
                f"\\includegraphics[width=0.9\\linewidth]{{{name}}}\n"
                f"\\caption{{{S['captions'][caption]}}}\n\\end{{figure}}\n"
            )
        latex[question] = "".join(blocks)
    return latex, assets
