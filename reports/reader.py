"""Read the formulas of a report written in Markdown or LaTeX, each with its place.

Markdown: ``$$...$$`` and ``$...$`` (``\\$`` is a dollar sign), math environments written
bare (``\\begin{equation}``, ``align``, ``cases`` ...), and formulas inside pipe or tab tables;
code blocks are skipped. LaTeX: ``\\[...\\]``, ``\\(...\\)``, ``$$...$$``, ``$...$`` and the
math environments; comments are skipped (a ``% convproof: ID`` mark is read first). Each
formula keeps its place: line, question and part (:mod:`.reader_places`), heading path, the
words around it, and for a table cell its row and column titles.

>>> [(f.kind, f.latex, f.line, f.question, f.part) for f in read_text("# Q2\\n(b)\\n$$RF_0 = 1$$ so $k$")]
[('display', 'RF_0 = 1', 3, 'Q2', 'b'), ('inline', 'k', 3, 'Q2', 'b')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .reader_places import Tracker, place_text

__all__ = ["MATH_ENVIRONMENTS", "Formula", "guess_format", "read_text"]

MATH_ENVIRONMENTS = (
    "equation",
    "align",
    "alignat",
    "gather",
    "multline",
    "flalign",
    "eqnarray",
    "displaymath",
    "math",
    "cases",
    "aligned",
    "gathered",
    "split",
)
_ENV = "|".join(MATH_ENVIRONMENTS)
_BEGIN = r"\\begin\{(?P<env>" + _ENV + r")(?P<star>\*?)\}(?P<envbody>.+?)\\end\{(?P=env)(?P=star)\}"
_MD_MATH = re.compile(
    r"(?<!\\)\$\$(?P<display>.+?)(?<!\\)\$\$|" + _BEGIN + r"|(?<![\\$])\$(?P<inline>[^$]+?)(?<!\\)\$", re.S
)
_TEX_MATH = re.compile(
    r"(?<!\\)\$\$(?P<display>.+?)(?<!\\)\$\$|\\\[(?P<bracket>.+?)\\\]|"
    + _BEGIN
    + r"|\\\((?P<paren>.+?)\\\)|(?<![\\$])\$(?P<inline>[^$]+?)(?<!\\)\$",
    re.S,
)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_HTML_COMMENT = re.compile(r"<!--(?!\s*convproof:).*?-->", re.S)
_TEX_COMMENT = re.compile(r"(?<!\\)%(?!\s*convproof:)[^\n]*")
_VERBATIM = re.compile(r"\\begin\{(verbatim|lstlisting|minted)\}.*?\\end\{\1\}", re.S)
_MARK = re.compile(r"(?:<!--\s*convproof:\s*(?P<md>[^\s>]+)\s*-->|(?<!\\)%\s*convproof:\s*(?P<tex>\S+))")
_WORD_SPAN = 160


@dataclass(frozen=True)
class Formula:
    """One formula of a report: its LaTeX as written (between the delimiters) and its place."""

    number: int  # 1-based, in order
    kind: str  # display | inline (an environment written bare counts as display)
    latex: str  # verbatim, between the delimiters (an environment with its \\begin and \\end)
    start: int  # offset of the LaTeX in the text
    line: int
    question: str = ""
    part: str = ""
    section: tuple[str, ...] = ()
    before: str = ""  # the words before it, on its paragraph
    after: str = ""
    row: str = ""  # a table cell: the first cell of its row (the layer's name, say)
    column: str = ""  # ... and its column's title
    label: str = ""  # a table cell: the words before the formula in its own cell ("<b>GELU</b> $...$")
    repeat: int = 0  # a table cell: which row of that name it is in its table (the second "Pool-2" row: 2)
    mark: str | None = None  # an explicit id: <!-- convproof: ID --> or % convproof: ID
    environment: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def place(self) -> str:
        """``Q2(b), line 40`` — where a reader finds it."""
        return place_text(self.question, self.part, self.line)


def guess_format(name: str, text: str) -> str:
    """``'tex'`` or ``'md'``, from the file's suffix, else from its content.

    >>> guess_format("a.tex", ""), guess_format("a.txt", "\\\\documentclass{article}"), guess_format("a", "# x")
    ('tex', 'tex', 'md')
    """
    lower = name.lower()
    if lower.endswith((".tex", ".ltx", ".latex")):
        return "tex"
    if lower.endswith((".md", ".markdown", ".mdown")):
        return "md"
    return "tex" if re.search(r"\\documentclass|\\begin\{document\}|\\section\{", text) else "md"


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _masked(text: str, fmt: str) -> str:
    """``text`` with code, comments and verbatim blocks blanked out, offsets kept."""
    if fmt == "md":
        text = _FENCE.sub(_blank, text)
        return _HTML_COMMENT.sub(_blank, text)
    text = _VERBATIM.sub(_blank, text)
    return _TEX_COMMENT.sub(_blank, text)


def _plain(text: str) -> str:
    """Words of prose: math, tags and markup removed, spaces squeezed."""
    text = re.sub(r"\$[^$]*\$|<[^>]+>|\\[a-zA-Z]+\*?|[{}*_#|&`]", " ", text)
    return " ".join(text.split())


def _cells(line: str, fmt: str) -> list[str]:
    """The cells of a table row (LaTeX ``&``, Markdown pipes or tabs), stripped; [] for no row."""
    return [line[a:b].strip() for a, b in _cell_spans(line, fmt)]


_TEX_RULE = re.compile(r"\s*(?:\\(?:hline|toprule|midrule|bottomrule|cline\{[^}]*\})\s*)+")


def _in_table(line: str, fmt: str) -> bool:
    """A row of a table, or (LaTeX) a rule between its rows."""
    return len(_cells(line, fmt)) > 1 or (fmt == "tex" and _TEX_RULE.fullmatch(line) is not None)


def _table_header(lines: list[str], index: int, fmt: str) -> list[str]:
    """The cells of the first row of the table holding line ``index``."""
    first = index
    while first > 0 and _in_table(lines[first - 1], fmt):
        first -= 1
    while first < index and len(_cells(lines[first], fmt)) < 2:
        first += 1
    return _cells(lines[first], fmt)


_PARAMS_TITLE = re.compile(r"param|پارامتر", re.I)
_SHAPE_TITLE = re.compile(r"output|shape|dimension|size|ابعاد|خروجی|اندازه", re.I)
_PLAIN_VALUE = re.compile(r"\d[\d,]*|\d+(?:\s*[x×*]\s*\d+)+")
_INPUT_ROW = re.compile(r"input|ورودی", re.I)
_RULE = re.compile(r"^[\s|:\-+]*$")


def _plain_cells(masked: str, lines: list[str], starts: list[int], fmt: str) -> list[tuple[int, str, str]]:
    """The cells of a layer table written without math: (offset, kind, text).

    A table is a layer table when a column's title names parameters or an output shape. In such a
    column a whole number or a shape written plainly (``1440``, ``32x32x8``) is a ``cell``; a blank
    cell of a parameters column (or a dash; but the input's) is a ``blank cell``, read as 0 parameters.
    """
    out = []
    masked_lines = masked.split("\n")
    for index, line in enumerate(masked_lines):
        cells = _cells(line, fmt)
        if len(cells) < 2 or _RULE.match(line) or "$" in cells[0]:
            continue
        header = _table_header(masked_lines, index, fmt)
        if cells == header or _INPUT_ROW.match(_plain(cells[0])):
            continue
        for column, (cell, (a, b)) in enumerate(zip(cells, _cell_spans(line, fmt), strict=False)):
            at = a + (len(line[a:b]) - len(line[a:b].lstrip()))
            title = _plain(header[column]) if column < len(header) else ""
            if column == 0 or not title or "$" in cell or "\\(" in cell:
                continue
            offset = starts[index] + at
            if cell in ("", "-", "–", "—") and _PARAMS_TITLE.search(title):
                out.append((offset, "blank cell", ""))
            elif (_PARAMS_TITLE.search(title) or _SHAPE_TITLE.search(title)) and _PLAIN_VALUE.fullmatch(cell):
                out.append((offset, "cell", cell))
    return out


def read_text(text: str, fmt: str = "md") -> tuple[Formula, ...]:
    """Every formula of ``text`` (``fmt`` 'md' or 'tex'), in order, with its place.

    Besides math, a layer table's plain cells count (``kind`` ``cell``, or ``blank cell``
    with empty ``latex``): see :func:`_plain_cells`.
    """
    masked = _masked(text, fmt)
    pattern = _TEX_MATH if fmt == "tex" else _MD_MATH
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    hits: list[tuple[int, int, int, int, str, str]] = []  # begin, end, match start, match end, kind, env
    for match in pattern.finditer(masked):
        group = next(g for g in ("display", "bracket", "envbody", "paren", "inline") if match.groupdict().get(g))
        begin, end = (match.start(), match.end()) if group == "envbody" else (match.start(group), match.end(group))
        kind = "inline" if group in ("inline", "paren") else "display"
        hits.append((begin, end, match.start(), match.end(), kind, match.group("env") or ""))
    for offset, kind, cell in _plain_cells(masked, lines, starts, fmt):
        hits.append((offset, offset + len(cell), offset, offset + len(cell), kind, ""))
    hits.sort()
    tracker = Tracker()
    fed = 0
    marks = [(m.start(), m.group("md") or m.group("tex")) for m in _MARK.finditer(masked)]
    out: list[Formula] = []
    previous_end = 0
    for begin, end, match_start, match_end, kind, env in hits:
        line = bisect.bisect_right(starts, begin)
        while fed < line:
            tracker.feed(lines[fed], tex=fmt == "tex")
            fed += 1
        if fmt == "tex" and out:
            tracker.feed(text[previous_end:begin].split("\n")[-1], tex=True)  # \subsection{..} on the same line
        mark = next((name for at, name in marks if previous_end <= at < match_start), None)
        para_start = max(text.rfind("\n\n", 0, begin), 0)
        para_end = text.find("\n\n", end)
        para_end = len(text) if para_end < 0 else para_end
        cells = _cells(lines[line - 1], fmt)
        row = column = label = ""
        repeat = 0
        if len(cells) > 1:
            row = _plain(cells[0]) or cells[0]
            header = _table_header(lines, line - 1, fmt)
            repeat = _repeat(lines, line - 1, fmt)
            column_index = _column_of(lines[line - 1], begin - starts[line - 1], fmt)
            column = _plain(header[column_index]) if 0 <= column_index < len(header) else ""
            if 0 <= column_index < len(cells) and kind in ("inline", "display"):
                label = _plain(cells[column_index].split(text[begin:end])[0].rstrip("$\\( "))
        out.append(
            Formula(
                number=len(out) + 1,
                kind=kind,
                latex=text[begin:end],
                start=begin,
                line=line,
                question=tracker.question,
                part=tracker.part,
                section=tracker.path,
                before=_plain(text[para_start:match_start])[-_WORD_SPAN:],
                after=_plain(text[match_end:para_end])[:_WORD_SPAN],
                row=row,
                column=column,
                label=label,
                repeat=repeat,
                mark=mark,
                environment=env,
            )
        )
        previous_end = max(previous_end, match_end)
    return tuple(out)


def _repeat(lines: list[str], index: int, fmt: str) -> int:
    """1 + how many rows above ``index`` in its table have the same first cell (case and spaces aside)."""
    name = _plain(_cells(lines[index], fmt)[0]).casefold()
    count = 1
    while index > 0 and _in_table(lines[index - 1], fmt):
        index -= 1
        cells = _cells(lines[index], fmt)
        count += len(cells) > 1 and _plain(cells[0]).casefold() == name
    return count


def _cell_spans(line: str, fmt: str) -> list[tuple[int, int]]:
    """Where each cell of a table row lies in ``line`` (start, end), as :func:`_cells` cuts it; [] for no row."""
    if fmt == "tex":
        body = line.split("\\\\")[0]
        cuts = [m.start() for m in re.finditer(r"(?<!\\)&", body)]
        end = len(body)
    elif line.lstrip().startswith("|") and "|" in line.strip().strip("|"):
        bars = [m.start() for m in re.finditer(r"\|", line)]
        first, last = bars[0], bars[-1] if len(bars) > 1 and not line[bars[-1] + 1 :].strip() else len(line)
        cuts = [b for b in bars if first < b < last]
        return [(a + 1, b) for a, b in zip([first, *cuts], [*cuts, last], strict=True)]
    elif "\t" in line.strip():
        cuts = [m.start() for m in re.finditer("\t", line)]
        end = len(line)
    else:
        return []
    return [(a + (a > 0), b) for a, b in zip([0, *cuts], [*cuts, end], strict=True)]


def _column_of(line: str, at: int, fmt: str) -> int:
    """The index of the cell of ``line`` holding offset ``at`` (-1 when the line is no table row)."""
    spans = _cell_spans(line, fmt)
    return next((i for i, (a, b) in enumerate(spans) if a <= at <= b), -1)
