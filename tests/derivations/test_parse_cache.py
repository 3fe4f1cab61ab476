"""The persistent parse cache: reused across processes, robust to a corrupt file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from convproof.derivations.errors import LatexParseError

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
    files = list(tmp_path.glob("latex-*.pickle"))
    assert len(files) == 1
    second = _run(env)
    assert first[0] == second[0]
    assert int(second[-1]) >= 1, "the second process found nothing in the cache"


def test_corrupt_cache_file_is_ignored(env, tmp_path):
    _run(env)
    (cache,) = tmp_path.glob("latex-*.pickle")
    cache.write_bytes(b"not a pickle")
    assert _run(env)[0] == _run({**env, "CONVPROOF_NO_CACHE": "1"})[0]


def test_parse_errors_are_cached_and_still_raised(monkeypatch, tmp_path):
    from convproof.derivations.latex import front as latex

    monkeypatch.setenv("CONVPROOF_CACHE_DIR", str(tmp_path))
    for _ in range(2):
        with pytest.raises(LatexParseError, match="cannot read the LaTeX"):
            latex.parse(r"\frac{1}{", {})
