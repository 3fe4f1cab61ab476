"""A persistent cache of raw parses, because the LaTeX parser is slow to start.

latex2sympy2_extended runs an ANTLR parser in pure Python; in a new process
its first parses cost tens of milliseconds each (the prediction DFA is built
as it goes), so reading the report's hundred-odd formulas dominates a cold
``convproof verify``. The parser is a pure function of its input text, so its
results are kept in the user's cache folder, keyed by the parser's version
and configuration, and reused by later processes.

The cache holds only what the parser returned for a text; the pre-pass and
the free-symbol audit run every time. ``CONVPROOF_CACHE_DIR`` moves the
folder (default ``$XDG_CACHE_HOME/convproof`` when that is an absolute path, else
``~/.cache/convproof``; with no home folder there is no cache); ``CONVPROOF_NO_CACHE``
set to 1, true, yes or on (any case) turns the cache off.

The cache cannot lie: the file is a sequence of records, each with the lengths of its
key and payload and a SHA-256 of both, so a flipped bit, a truncated file or an entry
written for another text is a miss (the text is parsed again and the entry rewritten),
never a different formula. Transient failures (RecursionError, MemoryError, a time
limit) are never cached; only the parser's own rejections are.

Each payload is pickled on its own and unpickled on first use: rebuilding a
SymPy expression re-runs its constructors, and the file also holds the
parses of every test and ``convproof check`` run, so unpickling the whole
file cost more than the few formulas a process reads.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import struct
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["TRANSIENT", "cache_path", "cached", "decode", "enabled", "encode"]

# the format of the file: MAGIC, then records (key length, payload length, sha256(key, payload), key, payload)
_FORMAT = "entries-v3"
_MAGIC = b"convproof-latex-cache-3\n"
_HEAD = struct.Struct(">II32s")
_MAX_FILE = 64 * 2**20  # a larger file is not ours, or not worth reading: ignored
_TRUE = {"1", "true", "yes", "on"}
# failures of this process, not of the text: never cached
TRANSIENT = (RecursionError, MemoryError, TimeoutError)
_entries: dict[str, bytes] | None = None
_results: dict[str, object] = {}
_dirty = False


class _Failure:
    """A text the parser rejected, with its message (rejections are slow too)."""

    def __init__(self, message: str) -> None:
        self.message = message


def enabled() -> bool:
    """False when ``CONVPROOF_NO_CACHE`` holds a true value (1, true, yes, on; any case)."""
    return os.environ.get("CONVPROOF_NO_CACHE", "").strip().lower() not in _TRUE


def cache_path(salt: str) -> Path | None:
    """The cache file for this parser version and configuration; None when there is no place for it."""
    root = os.environ.get("CONVPROOF_CACHE_DIR")
    if not root:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if xdg and os.path.isabs(xdg):
            base = Path(xdg)
        else:  # a relative XDG_CACHE_HOME is to be ignored (XDG Base Directory specification)
            try:
                base = Path.home() / ".cache"
            except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry: no cache
                return None
        root = base / "convproof"
    return Path(root) / f"latex-{_version_key(salt)}.cache"


@cache
def _version_key(salt: str) -> str:
    version = "/".join((metadata.version("latex2sympy2_extended"), metadata.version("sympy"), salt, _FORMAT))
    return hashlib.sha256(version.encode()).hexdigest()[:16]


def _digest(key: bytes, payload: bytes) -> bytes:
    return hashlib.sha256(struct.pack(">I", len(key)) + key + payload).digest()


def encode(entries: dict[str, bytes]) -> bytes:
    """The file's bytes for ``entries`` (text -> pickled result).

    >>> decode(encode({"k + 1": b"payload"}))
    {'k + 1': b'payload'}
    """
    out = [_MAGIC]
    for text, payload in entries.items():
        key = text.encode("utf-8", "surrogatepass")
        out.append(_HEAD.pack(len(key), len(payload), _digest(key, payload)) + key + payload)
    return b"".join(out)


def decode(data: bytes) -> dict[str, bytes]:
    """Every record of ``data`` whose checksum holds, up to the first that does not (after it, nothing).

    >>> data = encode({"a": b"1", "b": b"2"})
    >>> decode(data[:-1]), decode(data[:-1] + b"3")
    ({'a': b'1'}, {'a': b'1'})
    """
    if not data.startswith(_MAGIC):
        return {}
    entries: dict[str, bytes] = {}
    pos = len(_MAGIC)
    while pos + _HEAD.size <= len(data):
        key_len, payload_len, digest = _HEAD.unpack_from(data, pos)
        start = pos + _HEAD.size
        end = start + key_len + payload_len
        if end > len(data):
            break
        key, payload = data[start : start + key_len], data[start + key_len : end]
        if _digest(key, payload) != digest:
            break  # its lengths cannot be trusted either: what follows is not read
        try:
            entries[key.decode("utf-8", "surrogatepass")] = payload
        except UnicodeDecodeError:
            break
        pos = end
    return entries


def _load(path: Path) -> dict[str, bytes]:
    try:
        if not path.is_file() or path.stat().st_size > _MAX_FILE:
            return {}
        return decode(path.read_bytes())
    except (OSError, MemoryError):
        return {}


def _lookup(text: str) -> tuple[bool, object]:
    """(found, result) for a text, unpickling its entry on first use; an entry that fails to load is a miss."""
    if text in _results:
        return True, _results[text]
    blob = _entries.get(text) if _entries else None
    if blob is None:
        return False, None
    try:
        result = pickle.loads(blob)
    except Exception:  # whatever it was, the parser is asked again and the entry rewritten
        _entries.pop(text, None)
        return False, None
    _results[text] = result
    return True, result


def _save(path: Path) -> None:
    if not _dirty or _entries is None or path.is_dir():
        return
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        merged = {**_load(path), **_entries}
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".latex-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(encode(merged))
        os.replace(temp, path)
    except (OSError, MemoryError):
        if temp is not None:
            Path(temp).unlink(missing_ok=True)  # a cache that cannot be written only costs time


def _open(salt: str) -> None:
    global _entries
    path = cache_path(salt)
    _entries = _load(path) if path is not None else {}
    if path is not None:
        atexit.register(_save, path)


def cached(salt: str) -> Callable:
    """Decorate ``parse(text)`` so its results persist across processes."""

    def wrap(parse: Callable) -> Callable:
        def parse_cached(text: str):
            global _dirty
            if not enabled():
                return parse(text)
            if _entries is None:
                _open(salt)
            found, entry = _lookup(text)
            if not found:
                try:
                    entry = parse(text)
                except TRANSIENT:
                    raise  # this process's trouble, not the text's: asked again next time
                except Exception as exc:  # the parser's own bare Exception, kept to be raised again
                    entry = _Failure(str(exc))
                _results[text] = entry
                try:
                    _entries[text] = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
                    _dirty = True
                except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
                    pass  # kept for this process only
            if isinstance(entry, _Failure):
                raise Exception(entry.message)
            return entry

        parse_cached.__wrapped__ = parse
        parse_cached.__doc__ = parse.__doc__
        return parse_cached

    return wrap
