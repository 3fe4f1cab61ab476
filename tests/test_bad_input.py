"""Bad input, the first part of the table: the LaTeX front, geometry, layer specs, metrics, the verifier, the CLI.

The harness (what every row must satisfy) is tests/bad_input_table.py; the other parts are
test_bad_input_outputs.py, test_bad_input_limits.py and test_bad_input_api.py.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from convproof import (
    conv1d_param_grads,
    conv_output_size,
    layer_table,
    mse,
    nrmse,
    parse_layer_spec,
    receptive_field,
    rmse,
    rrmse,
)
from convproof.derivations.claims import registry
from convproof.derivations.errors import (
    BadInputError,
    LatexParseError,
    ToolMissingError,
    UnknownClaimError,
    UnknownSymbolError,
)
from convproof.derivations.latex.front import parse, parse_shape
from convproof.reports.cli import main
from convproof.verify import check_latex, run_claim
from tests.bad_input_table import Row, api, check_row, cli, ids

ROOT = Path(__file__).resolve().parents[1]
x, k = sp.symbols("x k", real=True)


TABLE = [
    # the LaTeX front
    api("latex-unbalanced-brace", lambda: parse(r"\frac{1}{", {}), LatexParseError, r"\\frac{1}{", "balanced braces"),
    api("latex-unknown-symbol", lambda: parse("k + q", {"k": k}), UnknownSymbolError, "symbols q", "declared: k"),
    api("latex-unknown-function", lambda: parse("f(x)", {"x": x}), UnknownSymbolError, "f(...)", "declared: x"),
    api("latex-empty", lambda: parse("", {}), LatexParseError, "empty formula in ''", "such as 'k + 1'"),
    api("latex-blank", lambda: parse("   ", {}), LatexParseError, "empty formula in '   '", "such as"),
    api("latex-not-text", lambda: parse(None, {}), LatexParseError, "must be a string", "NoneType"),
    api("latex-huge", lambda: parse("x+" * 600 + "x", {"x": x}), LatexParseError, "1201 characters", "at most 1000"),
    api("latex-deep", lambda: parse("{" * 20 + "x" + "}" * 20, {"x": x}), LatexParseError, "20 deep", "at most 10"),
    api("latex-relation", lambda: parse("x = 1", {"x": x}), LatexParseError, "'x = 1'", "expected one expression"),
    api("latex-end-alone", lambda: parse(r"x \end{cases}", {"x": x}), LatexParseError, r"'\end{cases}'", "begin"),
    api("latex-lonely-dots", lambda: parse(r"\dots", {}), LatexParseError, r"'\\dots'", "t_1 + t_2"),
    api("latex-shape-empty-size", lambda: parse_shape(r"32 \times \times 3", {}), LatexParseError, "32", "such as"),
    # convolution geometry
    api("kernel-zero", lambda: conv_output_size(32, 0), BadInputError, "kernel", "integer >= 1, got 0"),
    api("kernel-negative", lambda: conv_output_size(32, -3), BadInputError, "kernel", ">= 1, got -3"),
    api("kernel-not-integer", lambda: conv_output_size(32, 2.5), BadInputError, "kernel", "integer >= 1, got 2.5"),
    api("kernel-boolean", lambda: conv_output_size(32, True), BadInputError, "kernel", "got True"),
    api("stride-zero", lambda: conv_output_size(32, 3, stride=0), BadInputError, "stride", ">= 1, got 0"),
    api("stride-text", lambda: conv_output_size(32, 3, stride="2"), BadInputError, "stride", "got '2'"),
    api("dilation-zero", lambda: conv_output_size(32, 3, dilation=0), BadInputError, "dilation", ">= 1, got 0"),
    api("padding-negative", lambda: conv_output_size(32, 3, padding=-1), BadInputError, "padding", ">= 0, got -1"),
    api("input-size-zero", lambda: conv_output_size(0, 3), BadInputError, "input size n", ">= 1, got 0"),
    api("input-size-sympy-float", lambda: conv_output_size(sp.Float(3.5), 1), BadInputError, "input size", "3.5"),
    api("geometry-kernel-too-big", lambda: conv_output_size(3, 5), BadInputError, "input of 3", "at least 5"),
    api("geometry-dilation-too-big", lambda: conv_output_size(5, 3, dilation=3), BadInputError, "spanning 7", "at least 7"),
    api("rf-text", lambda: receptive_field("3,1,1"), BadInputError, "'3,1,1'", "(kernel, stride, dilation) tuples"),
    api("rf-none", lambda: receptive_field(None), BadInputError, "None", "(kernel, stride, dilation) tuples"),
    api("rf-short-layer", lambda: receptive_field([(3, 1)]), BadInputError, "layer 0", "got (3, 1)"),
    api("rf-negative-dilation", lambda: receptive_field([(3, 1, -2)]), BadInputError, "layer 0: dilation", "got -2"),
    # layer specs and input shapes
    api("spec-unknown-layer", lambda: parse_layer_spec("CONV3-8 SOFTMAXX"), BadInputError, "'SOFTMAXX'", "write one of"),
    api("spec-empty", lambda: parse_layer_spec(""), BadInputError, "spec ''", "e.g. 'CONV3-8"),
    api("spec-not-text", lambda: parse_layer_spec(["CONV3-8"]), BadInputError, "['CONV3-8']", "must be a string"),
    api("spec-zero-kernel", lambda: parse_layer_spec("CONV0-8"), BadInputError, "'CONV0-8'", "integers >= 1"),
    api("spec-even-kernel", lambda: parse_layer_spec("CONV4-8"), BadInputError, "'CONV4-8'", "CONV4-8(1,0)"),
    api("spec-four-settings", lambda: parse_layer_spec("CONV3-8(1,2,3,4)"), BadInputError, "(1,2,3,4)", "stride, padding, dilation"),
    api("spec-unclosed", lambda: parse_layer_spec("CONV3-8("), BadInputError, "'CONV3-8('", "write CONVk-f"),
    api("spec-pool-settings", lambda: parse_layer_spec("POOL-2(1,2)"), BadInputError, "'POOL-2(1,2)'", "at most 1"),
    api("spec-negative-padding", lambda: parse_layer_spec("CONV3-8(1,-1)"), BadInputError, "-1", "padding >= 0"),
    api("shape-five-sizes", lambda: layer_table("CONV3-8", "2x32x32x3x3"), BadInputError, "'2x32x32x3x3'", "H x W x C"),
    api("shape-zero", lambda: layer_table("CONV3-8", "0x32x3"), BadInputError, "'0x32x3'", "must be >= 1"),
    api("shape-words", lambda: layer_table("CONV3-8", "32x32x3.5"), BadInputError, "'32x32x3.5'", "e.g. 32x32x3"),
    api("shape-floats", lambda: layer_table("CONV3-8", (32.0, 32, 3)), BadInputError, "(32.0, 32, 3)", "integers"),
    api("table-kernel-too-big", lambda: layer_table("CONV5-8(1,0)", "3x3x3"), BadInputError, "layer 1", "at least 5"),
    api("table-conv-after-dense", lambda: layer_table("FC-10 CONV3-8", "8x8x1"), BadInputError, "'CONV3-8'", "before"),
    api("table-spec-none", lambda: layer_table(None, "8x8x1"), BadInputError, "None", "layer string"),
    # regression metrics
    api("metrics-empty", lambda: mse([], []), BadInputError, "y_true is empty", "at least one value"),
    api("metrics-nan", lambda: rmse([1.0, math.nan], [1.0, 2.0]), BadInputError, "y_true holds NaN", "positions [1]"),
    api("metrics-lengths", lambda: mse([1, 2], [1]), BadInputError, "2 and 1", "same length"),
    api("metrics-2d", lambda: mse([[1.0]], [[1.0]]), BadInputError, "shape (1, 1)", "one-dimensional"),
    api("metrics-text", lambda: mse(["a"], [1.0]), BadInputError, "['a']", "sequence of numbers"),
    api("metrics-overflow", lambda: mse([1e308, -1e308], [-1e308, 1e308]), BadInputError, "MSE overflows", "rescale"),
    api("nrmse-unknown-normalizer", lambda: nrmse([1, 2], [1, 3], "median"), BadInputError, "'median'", "one of mean"),
    api("nrmse-zero-normalizer", lambda: nrmse([2, 2], [1, 2], "range"), BadInputError, "'range'", "another"),
    api("rrmse-zero-predictions", lambda: rrmse([1, 2], [0, 0]), BadInputError, "y_pred is 0", "divides by 0"),
    # the 1-D convolution's gradients
    api("grads-empty", lambda: conv1d_param_grads([], [1.0], [1.0]), BadInputError, "u must be", "non-empty"),
    api("grads-lengths", lambda: conv1d_param_grads([1, 2, 3], [1], [1]), BadInputError, "upstream has 1", "len(u)"),
    api("grads-nan", lambda: conv1d_param_grads([math.nan, 1], [1], [1, 2]), BadInputError, "u holds NaN", "finite"),
    api("grads-batch", lambda: conv1d_param_grads([[1, 2]] * 2, [1], [[1, 2]] * 3), BadInputError, "(3, 2)", "broadcast"),
    # claims and the verifier
    api("claim-typo", lambda: registry.get("dilated.rf_closd_form"), UnknownClaimError, "'dilated.rf_closd_form'", "did you mean dilated.rf_closed_form"),
    api("claim-pattern", lambda: registry.select("nope*"), UnknownClaimError, "'nope*'", "convproof claims"),
    api("samples-negative", lambda: run_claim("dilated.rf_base", samples=-5), BadInputError, "got -5", "positive integer"),
    api("check-prose-claim", lambda: check_latex("x", "activations.selu_constants"), BadInputError, "'activations.selu_constants'", "qualitative"),
    # the command line
    cli("cli-samples-negative", "verify --samples -5", None, "--samples", "positive integer, got -5"),
    cli("cli-samples-word", "report --samples many", None, "--samples", "positive integer, got 'many'"),
    cli("cli-seed-negative", "verify --seed -1", None, "--seed", "between 0 and 2**32 - 1"),
    cli("cli-seed-huge", "verify --seed 99999999999", None, "99999999999", "between 0 and 2**32 - 1"),
    cli("cli-lang-unknown", "report --lang xx", None, "'xx'", "choose from 'en', 'fa', 'all'"),
    cli("cli-unknown-command", "frobnicate", None, "'frobnicate'", "choose from"),
    cli("cli-table-no-input", "table CONV3-8", None, "--input", "required"),
    cli("cli-only-unknown", "verify --only no_such_claim", UnknownClaimError, "'no_such_claim'", "convproof claims"),
    cli("cli-json-no-folder", "verify --only dilated.rf_base --seed 1 --json {tmp}/missing/out.json", BadInputError, "missing/out.json", "create it first"),
    cli("cli-out-under-a-file", "report --tex-only --out {tmp}/a-file/out", BadInputError, "a-file/out", "choose a writable --out"),
    cli("cli-tex-missing", "report --lang en --out {tmp}/out", ToolMissingError, "latexmk is not installed", "--tex-only", env=[("PATH", "{tmp}/no-bin")]),
    cli("cli-table-unknown-layer", ["table", "CONV3-8 SOFTMAXX", "--input", "32x32x3"], BadInputError, "'SOFTMAXX'", "write one of"),
    cli("cli-table-bad-shape", ["table", "CONV3-8", "--input", "3x32x32"], BadInputError, "3x32x32", "--layout chw"),
    cli("cli-check-bad-latex", ["check", r"\frac{1}{", "--against", "x"], LatexParseError, r"\\frac{1}{", "balanced braces"),
    cli("cli-check-unknown-claim", ["check", "k", "--claim", "nope"], UnknownClaimError, "'nope'", "convproof claims"),
    cli("cli-check-unknown-symbol", ["check", "q", "--claim", "dilated.rf_closed_form"], UnknownSymbolError, "q", "declared: d, i, k"),
    cli("cli-check-assume-with-claim", ["check", "k", "--claim", "dilated.rf_base", "--assume", "k: real"], BadInputError, "--assume", "--against"),
    cli("cli-check-bad-assume", ["check", "x", "--against", "y", "--assume", "x: bogus"], BadInputError, "'x: bogus'", "write declarations such as"),
]  # fmt: skip


def test_the_table_is_large_and_ids_are_unique():
    assert len(TABLE) >= 40
    assert len(ids(TABLE)) == len(TABLE)


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row: Row, tmp_path, capsys, monkeypatch):
    check_row(row, tmp_path, capsys, monkeypatch)


def test_missing_tex_engine_creates_no_output_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["report", "--lang", "en", "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["report", "--tex-only", "--out", str(locked / "out")]) == 2
        _, err = capsys.readouterr()
        assert "choose a writable --out" in err and len(err.splitlines()) == 1
        assert not any(locked.iterdir())
    finally:
        locked.chmod(0o700)


def test_console_script_prints_one_line_without_traceback():
    """The same through a real process: exit status 2, one line on stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "convproof", "table", "CONV3-8 SOFTMAXX", "--input", "32x32x3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "'SOFTMAXX'" in done.stderr
