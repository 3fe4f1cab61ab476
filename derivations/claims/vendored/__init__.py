"""The vendored report, byte for byte as the course's student wrote it: the audited input.

>>> "سوال 4" in report_text()
True
"""

from __future__ import annotations

from importlib import resources

__all__ = ["FILENAME", "report_text"]

FILENAME = "hw2-cnn-report.fa.md"


def report_text() -> str:
    """The vendored report's text (its claims quote it verbatim)."""
    return resources.files(__package__).joinpath(FILENAME).read_text(encoding="utf-8")
