"""Where a formula stands in a report: the question and part it answers, from headings and labels.

A report names its questions and parts in Persian or English, in headings or at the start of
a line: «سوال ۲», «سؤال 2:», "Question 2", "Q2", "Problem 2", "\\section{Question 2}";
parts as "(b)", "b)", "Part b", «(ب)», «ب)», "\\subsection{(b)}". :class:`Tracker` is fed the
report line by line and answers, for any line, the question, the part and the heading path.

>>> t = Tracker()
>>> for line in ["## سوال ۲:", "(ب)", "text"]:
...     t.feed(line)
>>> t.question, t.part
('Q2', 'b')
>>> question_of("Question 3 (a): sizes"), part_of("(a)")
('Q3', 'a')
"""

from __future__ import annotations

import re

__all__ = ["PERSIAN_PARTS", "Tracker", "latin_digits", "part_of", "place_text", "question_of"]

# Parts in the order of the Persian alphabet, as the homework labels them (الف، ب، پ، ت، ث ...).
PERSIAN_PARTS = {"الف": "a", "ب": "b", "پ": "c", "ت": "d", "ث": "e", "ج": "f", "چ": "g", "ح": "h"}

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_NUMBER = r"([0-9۰-۹٠-٩]{1,2})"
_QUESTION = re.compile(
    r"(?:سوال|سؤال|پرسش|تمرین|question|problem|exercise|task|q\.?)\s*(?:no\.?|شماره|#)?\s*"
    + _NUMBER
    + r"(?![0-9۰-۹٠-٩])",
    re.I,
)
_LATIN_PART = r"(?:\(([a-h])\)|\b([a-h])\)|part\s*\(?([a-h])\)?(?![a-z]))"
_PERSIAN_PART = r"(?:\(\s*(" + "|".join(PERSIAN_PARTS) + r")\s*\)|(?<![\w])(" + "|".join(PERSIAN_PARTS) + r")\s*\))"
_PART = re.compile(_LATIN_PART + "|" + _PERSIAN_PART, re.I)
# A question number written right after the question with a part letter glued on: "Q2b", "2(b)".
_GLUED = re.compile(r"^\s*" + _NUMBER + r"\s*\(?([a-h])\)", re.I)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_TEX_HEADING = re.compile(r"\\((?:sub){0,2})section\*?\{(.*)\}")
_LEAD = re.compile(r"^[\s>*_#\-•·]*")


def latin_digits(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits written as 0-9.

    >>> latin_digits("سوال ۲")
    'سوال 2'
    """
    return text.translate(_DIGITS)


def question_of(text: str) -> str:
    """The question a heading or label names (``'Q2'``), or ``''``.

    >>> question_of("سوال 4 :"), question_of("Q1(b)"), question_of("the quality of life")
    ('Q4', 'Q1', '')
    """
    match = _QUESTION.search(latin_digits(text))
    return f"Q{int(match.group(1))}" if match else ""


def part_of(text: str, *, anywhere: bool = True) -> str:
    """The part letter a heading or label names (``'b'``), or ``''``.

    Only a label at the start counts unless ``anywhere`` (headings may write "Question 2 (b)").

    >>> part_of("(الف)"), part_of("ب) این شبکه"), part_of("Part c: sizes"), part_of("f(x) = max(0, x)")
    ('a', 'b', 'c', '')
    """
    text = latin_digits(text)
    glued = re.search(r"(?:q|question|سوال)\s*" + _NUMBER + r"\s*\(?([a-h])\)?(?![a-z])", text, re.I)
    if glued:
        return glued.group(2).lower()
    match = _PART.search(text) if anywhere else _PART.match(_LEAD.sub("", text))
    if not match:
        return ""
    letter = next(group for group in match.groups() if group)
    return PERSIAN_PARTS.get(letter, letter.lower())


class Tracker:
    """Follows the headings and labels of a report line by line (see the module docstring)."""

    def __init__(self) -> None:
        self.question = ""
        self.part = ""
        self.headings: list[tuple[int, str]] = []  # (level, title) of the open headings

    @property
    def path(self) -> tuple[str, ...]:
        """The titles of the open headings, outermost first."""
        return tuple(title for _, title in self.headings)

    def _heading(self, level: int, title: str) -> None:
        self.headings = [(lvl, t) for lvl, t in self.headings if lvl < level] + [(level, title)]

    def feed(self, line: str, *, tex: bool = False) -> None:
        """Read one line: a heading, a question label or a part label moves the place."""
        heading = _TEX_HEADING.search(line) if tex else None
        md = None if tex else _HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)) // 3 + 1, heading.group(2)
        elif md:
            level, title = len(md.group(1)), md.group(2).strip()
        else:
            level, title = 0, ""
        text = title or line
        if level:
            self._heading(level, title)
        bare = _LEAD.sub("", text)
        short = level or len(bare) <= 60
        question = question_of(bare) if short and _QUESTION.match(latin_digits(bare)) else ""
        if level and not question:
            question = question_of(title) if len(title) <= 60 else ""
        if question:
            if not level:
                self.headings = [(1, bare.strip())]
            self.question, self.part = question, ""
            self.part = part_of(bare, anywhere=True) if len(bare) <= 40 else ""
            return
        part = part_of(bare, anywhere=False) if (level or len(bare) <= 400) else ""
        if part and (level or not _looks_like_math(bare)):
            self.part = part


def _looks_like_math(text: str) -> bool:
    """A line that starts a formula (``f(x) = ...``), not a part label."""
    return text.lstrip().startswith(("$", "\\"))


def place_text(question: str, part: str = "", line: int | None = None) -> str:
    """Where something is, as the records write it: ``Q2(b), line 40``; a part that is no letter
    (``table row 3``) is left out.

    >>> place_text("Q2", "b", 40), place_text("Q3", "table row 3"), place_text("", "", 7)
    ('Q2(b), line 40', 'Q3', 'line 7')
    """
    where = question + (f"({part})" if len(part) == 1 else "") if question else ""
    return ", ".join(piece for piece in (where, f"line {line}" if line else "") if piece)
