"""The audit's figures, drawn with matplotlib per edition (vector PDF), and the LaTeX that places them.

Every label, legend and title inside a figure comes from the edition's ``figure_text`` strings
(Persian shaped and ordered right to left, formulas and layer names Latin); captions come from
its ``captions``. Each figure belongs to a question and to the part it illustrates:

- :data:`FIGURES` maps a question (``"Q1"``) to its figures, each a :class:`Figure` with its
  file name, drawing function ``draw(pairs, lang) -> bytes``, caption key and ``part``
  (``"Q1(b)"``; the question itself, ``"Q3"``, for a figure of the whole question);
- :func:`render_assets` draws one edition's figures; :func:`figure_latex` returns the LaTeX
  that includes them, keyed by part (``by="part"``, the default: the headings of
  :func:`convproof.reports.latex.heading_of`) or by question (``by="question"``).

Output is deterministic: no creation date in the PDF metadata, nothing random.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from ...derivations.claims.activations.charts import chart_entries
from ..latex import latin
from . import style
from .activations import activation_chart, gelu_errors, parameters
from .networks import q3_shapes, report_values, rf_growth

__all__ = [
    "FIGURES",
    "Figure",
    "activation_chart",
    "chart_parameters",
    "figure_latex",
    "gelu_errors",
    "q3_shapes",
    "render_assets",
    "report_values",
    "rf_growth",
]


class Figure(NamedTuple):
    """One figure: its file, how it is drawn, its caption's key in ``captions`` and the part it belongs to."""

    name: str
    draw: Callable[..., bytes]
    caption: str
    part: str


# question -> its figures, in the order they are placed
FIGURES: dict[str, list[Figure]] = {
    "Q1": [
        Figure("fig-activations-1.pdf", partial(activation_chart, chart=1), "fig_activations_1", "Q1(b)"),
        Figure("fig-activations-2.pdf", partial(activation_chart, chart=2), "fig_activations_2", "Q1(b)"),
        Figure("fig-gelu.pdf", gelu_errors, "fig_gelu", "Q1(b)"),
    ],
    "Q2": [Figure("fig-rf-growth.pdf", rf_growth, "fig_rf_growth", "Q2(b)")],
    "Q3": [Figure("fig-q3-shapes.pdf", q3_shapes, "fig_q3", "Q3")],
}


def render_assets(pairs, lang: str = "en") -> dict[str, bytes]:
    """The PDF bytes of every figure of one edition, by file name."""
    with style.edition(lang):
        return {figure.name: figure.draw(pairs, lang) for entries in FIGURES.values() for figure in entries}


def chart_parameters(chart: int, S: dict) -> str:
    """The parameters a chart's entries are drawn at, as caption text: ``PReLU $a = 0.25$; ELU ...``."""
    T = S["figure_text"]
    stated = []
    for entry in chart_entries().values():
        params = parameters(entry)
        if entry["chart"] == chart and params:
            stated.append(latin(entry["name"], T["lang"]) + " " + ", ".join(f"${p}$" for p in params))
    return T["separator"].join(stated)


def _caption(figure: Figure, S: dict) -> str:
    caption = S["captions"][figure.caption]
    if figure.caption.startswith("fig_activations_"):
        caption = caption.replace("{parameters}", chart_parameters(int(figure.caption[-1]), S))
    return caption


def figure_latex(S: dict, by: str = "part") -> dict[str, str]:
    """LaTeX that includes the figures with the edition's captions, per part (``by="part"``, the default:
    ``"Q1(b)"``, ``"Q2(b)"``, and ``"Q3"`` for a figure of the whole question) or per question
    (``by="question"``: the keys of :data:`FIGURES`)."""
    if by not in ("question", "part"):
        raise ValueError(f"by must be 'question' or 'part', not {by!r}")
    out: dict[str, str] = {}
    for question, entries in FIGURES.items():
        for figure in entries:
            key = question if by == "question" else figure.part
            out[key] = out.get(key, "") + (
                "\\begin{figure}[htbp]\\centering\n"
                f"\\includegraphics[width=\\linewidth]{{{figure.name}}}\n"
                f"\\caption{{{_caption(figure, S)}}}\n\\end{{figure}}\n"
            )
    return out
