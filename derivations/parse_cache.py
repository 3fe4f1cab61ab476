"""A persistent cache of raw parses, because the LaTeX parser is slow to start.

latex2sympy2_extended runs an ANTLR parser in pure Python; in a new process
its first parses cost tens of milliseconds each (the prediction DFA is built
as it goes), so reading the report's hundred-odd formulas dominates a cold
``convproof verify``. The parser is a pure function of its input text, so its
results are kept in the user's cache folder, keyed by the parser's version
and configuration, and reused by later processes.

The cache holds only what the parser returned for a text; the pre-pass and
the free-symbol audit run every time. ``CONVPROOF_CACHE_DIR`` moves the
folder; ``CONVPROOF_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["cache_path", "cached"]

_entries: dict[str, object] | None = None
_dirty = False


class _Failure:
    """A text the parser rejected, with its message (rejections are slow too)."""

    def __init__(self, message: str) -> None:
        self.message = message


def cache_path(salt: str) -> Path:
    """The cache file for this parser version and configuration."""
    root = os.environ.get("CONVPROOF_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "convproof"
    return Path(root) / f"latex-{_version_key(salt)}.pickle"


@cache
def _version_key(salt: str) -> str:
    version = metadata.version("latex2sympy2_extended") + "/" + metadata.version("sympy") + "/" + salt
    return hashlib.sha256(version.encode()).hexdigest()[:16]


def _load(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as stream:
            data = pickle.load(stream)
        return data if isinstance(data, dict) else {}
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return {}


def _save(path: Path) -> None:
    if not _dirty or _entries is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        merged = {**_load(path), **_entries}
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".latex-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(merged, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass  # a cache that cannot be written only costs time


def cached(salt: str) -> Callable:
    """Decorate ``parse(text)`` so its results persist across processes."""

    def wrap(parse: Callable) -> Callable:
        def parse_cached(text: str):
            global _entries, _dirty
            if os.environ.get("CONVPROOF_NO_CACHE") == "1":
                return parse(text)
            if _entries is None:
                path = cache_path(salt)
                _entries = _load(path)
                atexit.register(_save, path)
            if text not in _entries:
                try:
                    _entries[text] = parse(text)
                except Exception as exc:  # the parser's own bare Exception, kept to be raised again
                    _entries[text] = _Failure(str(exc))
                _dirty = True
            entry = _entries[text]
            if isinstance(entry, _Failure):
                raise Exception(entry.message)
            return entry

        parse_cached.__wrapped__ = parse
        parse_cached.__doc__ = parse.__doc__
        return parse_cached

    return wrap
