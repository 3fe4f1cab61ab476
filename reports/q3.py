"""Q3 in the report: the report's layer table and the corrected one, side by side.

The report's cells are its own text; the corrected table comes from
:func:`derivations.layer_table` on the network the report's table describes.
A cell whose claim was refuted is marked in the report's table.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..derivations.claims import cnn_table, registry
from ..verify.results import Verdict
from . import latex as L

__all__ = ["q3_tables"]

_TOTAL = "cnn_table.total_params"  # the report's stated total, as its claim reads it


def _status_of(verdicts: Mapping[str, Verdict], row: int, what: str) -> str | None:
    """The status of the claim about one cell (``what`` is shape or params) of the report's table."""
    for verdict in verdicts.values():
        if verdict.question == "Q3" and verdict.part == f"table row {row}" and verdict.claim_id.endswith(f".{what}"):
            return verdict.status
    return None


def _cell(text: str, lang: str, status: str | None, S: dict) -> str:
    body = L.mixed(text, lang) if text else "---"
    if status in ("refuted", "conditional"):
        return f"\\cellcolor{{{status}!15}}{body}"
    return body


def _shape(shape: tuple[int, ...], lang: str) -> str:
    """A shape as a formula (Latin digits, left to right, in both editions)."""
    body = "$" + " \\times ".join(str(n) for n in shape) + "$"
    return body if lang == "en" else rf"\lr{{{body}}}"


def _count(value: int | None, lang: str) -> str:
    """A count in a table: Latin digits like the shapes beside it, so a row never mixes the two."""
    return "" if value is None else L.latin(str(value), lang)


def q3_tables(verdicts: Mapping[str, Verdict], S: dict, lang: str) -> str:
    """LaTeX of the two tables with a caption line each."""
    cells = cnn_table.table_cells()
    corrected = cnn_table.corrected_table()
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["q3_report_header"])
    rows = []
    for index, (layer, dim, params) in enumerate(cells):
        shape = _cell(dim, lang, _status_of(verdicts, index, "shape"), S)
        count = _cell(params, lang, _status_of(verdicts, index, "params"), S)
        rows.append(f"{L.latin(layer, lang)} & {shape} & {count} \\\\")
    stated = registry.get(_TOTAL)
    total_status = verdicts[_TOTAL].status if _TOTAL in verdicts else None
    rows.append(f"\\midrule {S['q3_total']} & & {_cell(str(stated.claimed[0][1]), lang, total_status, S)} \\\\")
    report_table = (
        f"\\begin{{tabular}}{{lll}}\\toprule\n{head} \\\\ \\midrule\n"
        + "\n".join(rows)
        + "\n\\bottomrule\\end{tabular}"
    )
    head = " & ".join(f"\\textbf{{{h}}}" for h in S["q3_corrected_header"])
    rows = [f"{L.latin('Input', lang)} & {_shape(corrected.input_shape, lang)} & & & \\\\"]
    for row in corrected.rows:
        rf = _count(row.receptive_field, lang)
        rows.append(
            f"{L.latin(row.layer, lang)} & {_shape(row.output_shape, lang)} & {_count(row.params, lang)} & "
            f"{_count(row.nontrainable, lang)} & {rf} \\\\"
        )
    total = sum(row.params for row in corrected.rows)
    running = sum(row.nontrainable for row in corrected.rows)
    rows.append(f"\\midrule {S['q3_total']} & & {_count(total, lang)} & {_count(running, lang)} & \\\\")
    corrected_table = (
        f"\\begin{{tabular}}{{lllll}}\\toprule\n{head} \\\\ \\midrule\n"
        + "\n".join(rows)
        + "\n\\bottomrule\\end{tabular}"
    )
    return (
        "\\begin{center}\\small\n"
        f"\\begin{{minipage}}[t]{{0.46\\linewidth}}\\centering {S['q3_report_caption']}\\par\\smallskip\\resizebox{{\\linewidth}}{{!}}{{{report_table}}}\\end{{minipage}}\\hfill\n"
        f"\\begin{{minipage}}[t]{{0.5\\linewidth}}\\centering {S['q3_corrected_caption']}\\par\\smallskip\\resizebox{{\\linewidth}}{{!}}{{{corrected_table}}}\\end{{minipage}}\n"
        "\\end{center}\n"
    )
