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

Each entry is pickled on its own and unpickled on first use: rebuilding a
SymPy expression re-runs its constructors, and the file also holds the
parses of every test and ``convproof check`` run, so unpickling the whole
file cost more than the few formulas a process reads.
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

# the format of the file: text -> pickled result (bytes), unpickled one at a time
_FORMAT = "entries-v2"
_entries: dict[str, bytes] | None = None
_results: dict[str, object] = {}
_dirty = False


class _Failure:
    """A text the parser rejected, with its message (rejections are slow too)."""

    def __init__(self, message: str) -> None:
        self.message = message


def cache_path(salt: str) -> Path:
    """The cache file for this parser version and configuration."""
    root = (
        os.environ.get("CONVPROOF_CACHE_DIR")
        or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "convproof"
    )
    return Path(root) / f"latex-{_version_key(salt)}.pickle"


@cache
def _version_key(salt: str) -> str:
    version = "/".join((metadata.version("latex2sympy2_extended"), metadata.version("sympy"), salt, _FORMAT))
    return hashlib.sha256(version.encode()).hexdigest()[:16]


_BAD_PICKLE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError)


def _load(path: Path) -> dict[str, bytes]:
    try:
        with path.open("rb") as stream:
            data = pickle.load(stream)
    except (OSError, *_BAD_PICKLE):
        return {}
    if not isinstance(data, dict):
        return {}
    return {text: blob for text, blob in data.items() if isinstance(text, str) and isinstance(blob, bytes)}


def _lookup(text: str) -> tuple[bool, object]:
    """(found, result) for a text, unpickling its entry on first use; a broken entry is a miss."""
    if text in _results:
        return True, _results[text]
    blob = _entries.get(text)
    if blob is None:
        return False, None
    try:
        _results[text] = pickle.loads(blob)
    except _BAD_PICKLE:
        return False, None
    return True, _results[text]


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
            found, entry = _lookup(text)
            if not found:
                try:
                    entry = parse(text)
                except Exception as exc:  # the parser's own bare Exception, kept to be raised again
                    entry = _Failure(str(exc))
                _results[text] = entry
                try:
                    _entries[text] = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
                    _dirty = True
                except (pickle.PicklingError, TypeError, AttributeError):
                    pass  # kept for this process only
            if isinstance(entry, _Failure):
                raise Exception(entry.message)
            return entry

        parse_cached.__wrapped__ = parse
        parse_cached.__doc__ = parse.__doc__
        return parse_cached

    return wrap
