"""The persistent parse cache: reused across processes; a corrupt entry is a miss, never a different formula."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import sympy as sp

from convproof.derivations.claims import cnn_table
from convproof.derivations.errors import LatexParseError
from convproof.derivations.latex import cache as parse_cache
from convproof.derivations.latex import parser
from convproof.derivations.latex.front import parse
from convproof.verify import run_claim

SCRIPT = """
import sys
from convproof.derivations.latex.front import parse
from convproof.derivations.latex import cache as parse_cache
import sympy as sp
k, d = sp.symbols("k d")
print(parse(r"k + (k - 1)(d - 1)", {"k": k, "d": d}))
print(len(parse_cache._entries or {}))
"""


def _run(env):
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return done.stdout.split()


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "CONVPROOF_CACHE_DIR": str(tmp_path), "CONVPROOF_NO_CACHE": "0"}


def test_second_process_reads_what_the_first_parsed(env, tmp_path):
    first = _run(env)
    files = list(tmp_path.glob("latex-*.cache"))
    assert len(files) == 1
    second = _run(env)
    assert first[0] == second[0]
    assert int(second[-1]) >= 1, "the second process found nothing in the cache"


def test_corrupt_cache_file_is_ignored(env, tmp_path):
    _run(env)
    (cache,) = tmp_path.glob("latex-*.cache")
    cache.write_bytes(b"not a pickle")
    assert _run(env)[0] == _run({**env, "CONVPROOF_NO_CACHE": "1"})[0]


def test_parse_errors_are_cached_and_still_raised(monkeypatch, tmp_path):
    from convproof.derivations.latex import front as latex

    monkeypatch.setenv("CONVPROOF_CACHE_DIR", str(tmp_path))
    for _ in range(2):
        with pytest.raises(LatexParseError, match="cannot read the LaTeX"):
            latex.parse(r"\frac{1}{", {})


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A cache in tmp_path that the next parse loads from the file, as a new process would."""
    monkeypatch.setenv("CONVPROOF_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CONVPROOF_NO_CACHE", "0")
    monkeypatch.setattr(parse_cache.atexit, "register", lambda *args: None)

    def reset():
        monkeypatch.setattr(parse_cache, "_entries", None)
        monkeypatch.setattr(parse_cache, "_results", {})
        monkeypatch.setattr(parse_cache, "_dirty", False)
        parser._parsed.cache_clear()

    reset()
    yield reset
    parser._parsed.cache_clear()


def _save():
    path = parse_cache.cache_path("convproof-latex-2")
    parse_cache._save(path)
    return path


def _verdict(claim_id="cnn_table.conv1.params"):
    claim = next(c for c in cnn_table.claims() if c.id == claim_id)
    return run_claim(claim, samples=40, seed=0).to_json()


def test_flipping_any_byte_of_an_entry_never_changes_a_verdict(fresh):
    """Every byte of the entry read as 224 in cnn_table.conv1.params, flipped in turn: the same verdict each time."""
    expected = _verdict()
    path = _save()
    data = path.read_bytes()
    entries = parse_cache.decode(data)
    assert "224" in entries
    spans = []
    pos = len(parse_cache._MAGIC)
    for text, payload in entries.items():
        size = parse_cache._HEAD.size + len(text.encode()) + len(payload)
        if text == "224":
            spans.append(range(pos, pos + size))
        pos += size
    flips = [at for span in spans for at in span]
    assert len(flips) > 50
    for at in flips:
        path.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])
        fresh()
        assert _verdict() == expected, f"byte {at} flipped changed the verdict"


def test_a_digit_changed_inside_a_payload_is_a_miss(fresh):
    """The corruption that once read 224 as 192: the checksum refuses the entry, the text is parsed again."""
    assert str(parse("224", {})) == "224"
    path = _save()
    data = path.read_bytes()
    entries = parse_cache.decode(data)
    forged = data.replace(entries["224"], entries["224"].replace(bytes([224]), bytes([192])), 1)
    assert forged != data
    path.write_bytes(forged)
    fresh()
    assert str(parse("224", {})) == "224"
    assert "224" not in parse_cache.decode(forged) or parse_cache.decode(forged)["224"] == entries["224"]


@pytest.mark.parametrize(
    "content",
    [
        b"\x80\x04\x95" + (2**40).to_bytes(8, "little"),  # a pickle header announcing a terabyte
        b"",
        b"convproof-latex-cache-3\n" + b"\xff" * 40,  # a record longer than the file
        b"not a cache at all",
    ],
    ids=["pickle-terabyte", "empty", "long-record", "garbage"],
)
def test_a_broken_file_is_a_miss_and_is_rewritten(fresh, content):
    path = parse_cache.cache_path("convproof-latex-2")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert str(parse("k + 1", {"k": sp.Symbol("k")})) == "k + 1"
    _save()
    assert "k + 1" in parse_cache.decode(path.read_bytes())


def test_a_payload_that_fails_to_unpickle_is_a_miss(fresh):
    parse("224", {})
    path = _save()
    key = "224"
    path.write_bytes(parse_cache.encode({key: b"\x80\x04\x95" + (2**40).to_bytes(8, "little")}))
    fresh()
    assert str(parse("224", {})) == "224"


@pytest.mark.parametrize("error", [RecursionError, MemoryError, TimeoutError])
def test_transient_failures_are_not_cached(fresh, error):
    calls = []

    @parse_cache.cached(salt="test-transient")
    def flaky(text):
        calls.append(text)
        if len(calls) == 1:
            raise error("this process's trouble")
        return text.upper()

    with pytest.raises(error):
        flaky("abc")
    assert flaky("abc") == "ABC"


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "Yes", "on", " On "])
def test_no_cache_accepts_the_usual_true_values(monkeypatch, value):
    monkeypatch.setenv("CONVPROOF_NO_CACHE", value)
    assert not parse_cache.enabled()


@pytest.mark.parametrize("value", ["0", "false", "no", "off", ""])
def test_no_cache_false_values_keep_the_cache(monkeypatch, value):
    monkeypatch.setenv("CONVPROOF_NO_CACHE", value)
    assert parse_cache.enabled()


def test_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.delenv("CONVPROOF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert parse_cache.cache_path("s").parent == tmp_path / ".cache" / "convproof"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert parse_cache.cache_path("s").parent == tmp_path / "xdg" / "convproof"


def test_no_home_folder_means_no_cache(monkeypatch):
    monkeypatch.delenv("CONVPROOF_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def homeless():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(parse_cache.Path, "home", homeless)
    assert parse_cache.cache_path("s") is None


def test_no_home_folder_in_a_process(tmp_path):
    """HOME unset and no passwd entry for the user id: parsing works, nothing is cached."""
    env = {
        key: value for key, value in os.environ.items() if key not in ("HOME", "CONVPROOF_CACHE_DIR", "XDG_CACHE_HOME")
    }
    script = (
        "import os, pathlib\n"
        "pathlib.Path.home = lambda: (_ for _ in ()).throw(RuntimeError('Could not determine home directory.'))\n"
        + SCRIPT
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "CONVPROOF_NO_CACHE": "0"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.rglob("*"))


def test_a_cache_path_that_is_a_folder_leaves_nothing_behind(fresh, tmp_path):
    path = parse_cache.cache_path("convproof-latex-2")
    path.mkdir(parents=True)
    parse("k", {"k": sp.Symbol("k")})
    parse_cache._save(path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name] and not list(path.iterdir())
