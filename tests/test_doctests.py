"""The worked examples in the docstrings run, module by module, under their installed names."""

from __future__ import annotations

import doctest
import importlib

import pytest

from tests.layout import modules

# __main__ runs the command when imported
MODULES = sorted(name for name in modules() if not name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name} (details above)"
