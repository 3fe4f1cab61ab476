"""The error types of convproof, defined before anything else.

A false claim is a verdict, never an exception. Exceptions are for bad input
and missing tools; every message says what was wrong and what would be right.
The CLI turns a :class:`ConvproofError` into one line on stderr and exit code 2.
"""

from __future__ import annotations


class ConvproofError(ValueError):
    """Base class of every error convproof raises on purpose."""


class BadInputError(ConvproofError):
    """An argument is outside what the function accepts (a kernel < 1, say)."""


class LatexParseError(ConvproofError):
    """LaTeX that the front cannot read, with the position and what it expected."""


class UnknownSymbolError(ConvproofError):
    """A parsed formula uses symbols that were not declared for it."""


class UnknownClaimError(ConvproofError):
    """A claim id that is not in the registry; the message lists close matches."""


class ToolMissingError(ConvproofError):
    """An external program (a TeX engine, say) is not installed."""


class TexBuildError(ConvproofError):
    """A TeX run failed; the message carries the relevant lines of its log."""
