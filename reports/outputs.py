"""Output files and folders: checked before the work starts, written whole, never through a link.

The rules (docs/reliability.md, "Output files"):

- ``--json PATH`` must name a regular file or a new name in an existing, writable folder.
  A folder, a device, a FIFO, a socket or a symbolic link is refused in one line, before
  any verification runs: convproof does not write through links (give the link's target
  instead), so ``/dev/stdout`` or a link to ``/proc/self/fd/1`` is never replaced.
- A file is written to a temporary file beside it and renamed into place: a failure
  leaves the previous file as it was. An existing file keeps its mode (a read-only one is
  refused); a new file gets the user's umask (0644 typically), like the PDFs.
- ``report --out DIR``: the editions of one run are built in ``DIR/.convproof-XXXX/`` and
  swapped in together (:func:`publish`); an edition folder holding files convproof does not
  write, a file where an edition folder goes, a link or a read-only folder is refused first.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import shutil
import signal
import stat
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..derivations.errors import BadInputError
from ..derivations.latex.normalise import shown

__all__ = [
    "EDITION_FILES",
    "check_edition",
    "check_file",
    "new_file_mode",
    "prepare_out",
    "publish",
    "staging",
    "write_file",
]

# What an edition folder holds: anything else in DIR/LANG is the user's, and is never deleted.
EDITION_FILES = ("report.tex", "report.pdf", "fig-*.pdf")
_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
)
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def new_file_mode(*, folder: bool = False) -> int:
    """The mode of a new file (or folder) under the process's umask: 0o644 (0o755) for umask 022.

    >>> old = os.umask(0o022)
    >>> oct(new_file_mode()), oct(new_file_mode(folder=True))
    ('0o644', '0o755')
    >>> _ = os.umask(old)
    """
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


def _fail(option: str, path: object, why: str, remedy: str) -> BadInputError:
    return BadInputError(f"cannot write {option} {shown(str(path))}: {why}; {remedy}")


def _check_name(path: Path, option: str) -> None:
    if len(os.fsencode(path)) > 4000:
        raise _fail(option, path, f"the path is {len(os.fsencode(path))} bytes long", "use a shorter one")
    for part in path.parts:
        if len(os.fsencode(part)) > 255:
            raise _fail(
                option, path, f"a name in it is {len(os.fsencode(part))} bytes long (at most 255)", "shorten it"
            )


def _lstat(path: Path, option: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise _fail(option, path, "its folder is a file", "create it first") from None
    except OSError as exc:
        raise _fail(option, path, exc.strerror or type(exc).__name__, "choose another path") from None


def _check_kind(path: Path, info: os.stat_result, option: str, *, want_folder: bool = False) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise _fail(
            option,
            path,
            f"it is a symbolic link (to {shown(os.readlink(path), 60)})",
            "convproof does not write through links: give the target's own path",
        )
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise _fail(
                option, path, f"it is {kind}, not a regular {'folder' if want_folder else 'file'}", "give a file path"
            )
    if want_folder and not stat.S_ISDIR(info.st_mode):
        raise _fail(option, path, "it is a file where a folder goes", "move the file or choose another --out")
    if not want_folder and stat.S_ISDIR(info.st_mode):
        raise _fail(option, path, "it is a folder", "give a file name, such as verdicts.json")


def _probe(folder: Path, option: str, path: Path) -> None:
    """Create and remove a file in ``folder``: the one test of writability root and /proc cannot fool."""
    if not folder.is_dir():
        why = "its folder is a file" if folder.exists() else f"folder {shown(str(folder))} does not exist"
        raise _fail(option, path, why, "create it first")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".convproof-probe-")
        os.close(handle)
        os.unlink(temp)
    except OSError as exc:
        raise _fail(
            option, path, f"folder {shown(str(folder))} is not writable ({exc.strerror})", "choose a writable folder"
        ) from None


def check_file(path: str | os.PathLike, option: str = "--json") -> Path:
    """The output file ``path``, checked before any work: see the module docstring.

    >>> check_file("")
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.BadInputError: cannot write --json '': it names no file; give a path such as verdicts.json
    """
    text = os.fspath(path)
    if not str(text).strip():
        raise _fail(option, text, "it names no file", "give a path such as verdicts.json")
    target = Path(text)
    _check_name(target, option)
    info = _lstat(target, option)
    if info is not None:
        _check_kind(target, info, option)
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise _fail(option, target, "the file is read-only", "make it writable or choose another path")
    _probe(target.parent, option, target)
    return target


def write_file(path: str | os.PathLike, data: str | bytes, option: str = "--json") -> Path:
    """Write ``data`` to ``path`` atomically, keeping an existing file's mode; problems in one line."""
    target = check_file(path, option)
    info = _lstat(target, option)
    mode = stat.S_IMODE(info.st_mode) if info is not None else new_file_mode()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            os.fchmod(stream.fileno(), mode)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise _fail(option, target, exc.strerror or type(exc).__name__, "choose another path") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def prepare_out(out_dir: str | os.PathLike) -> tuple[Path, bool]:
    """The output folder, created if needed and proven writable: (folder, whether it was created)."""
    text = os.fspath(out_dir)
    if not str(text).strip():
        raise _fail("--out", text, "it names no folder", "give a folder such as build")
    out = Path(text)
    _check_name(out, "--out")
    existed = out.is_dir()
    if not existed:
        try:
            out.mkdir(parents=True)
        except OSError as exc:
            raise BadInputError(
                f"cannot create output folder {shown(str(out))} ({exc.strerror}); choose a writable --out"
            ) from None
    try:
        Path(tempfile.mkdtemp(dir=out, prefix=".convproof-probe-")).rmdir()
    except OSError as exc:
        if not existed:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise BadInputError(
            f"output folder {shown(str(out))} is not writable ({exc.strerror}); choose a writable --out"
        ) from None
    return out, not existed


def _ours(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in EDITION_FILES)


def check_edition(out: Path, lang: str) -> None:
    """``out/lang`` can be replaced whole: missing, or a writable folder of convproof's own files."""
    folder = out / lang
    option = f"--out (the {lang} edition)"
    info = _lstat(folder, option)
    if info is None:
        return
    _check_kind(folder, info, option, want_folder=True)
    foreign = sorted(entry.name for entry in os.scandir(folder) if not (entry.is_file() and _ours(entry.name)))
    if foreign:
        raise _fail(
            option,
            folder,
            f"it holds files convproof does not write ({', '.join(map(repr, foreign[:3]))})",
            "move them or choose another --out",
        )
    if not os.access(folder, os.W_OK):
        raise _fail(option, folder, "the folder is read-only", "make it writable or choose another --out")


@contextlib.contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A temporary folder in ``out`` for one run's editions, removed whatever happens."""
    stage = Path(tempfile.mkdtemp(dir=out, prefix=".convproof-"))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while folders are swapped: a swap is not cut in half."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def publish(out: Path, editions: Mapping[str, Path], stage: Path) -> None:
    """Move every staged edition folder to ``out/LANG`` together: all of them, or none (rolled back)."""
    trash = stage / "previous"
    trash.mkdir()
    moved: list[tuple[Path, Path]] = []
    with _signals_held():
        try:
            for lang, folder in editions.items():
                folder.chmod(new_file_mode(folder=True))
                dest = out / lang
                if os.path.lexists(dest):
                    os.rename(dest, trash / lang)
                    moved.append((dest, trash / lang))
                os.rename(folder, dest)
                moved.append((folder, dest))
        except OSError as exc:
            for source, dest in reversed(moved):
                with contextlib.suppress(OSError):
                    os.rename(dest, source)
            raise BadInputError(
                f"cannot put the editions into {shown(str(out))} ({exc.strerror}); the previous ones are kept"
            ) from None
