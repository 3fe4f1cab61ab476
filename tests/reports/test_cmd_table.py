"""``convproof table``: the report's network and a classic one, JSON output, one-line errors with exit 2."""

from __future__ import annotations

import json

import pytest

from convproof.derivations.claims import cnn_table
from convproof.derivations.lib.layer_table import layer_table
from convproof.reports.cli import main

# VGG-16 (Simonyan & Zisserman 2015, configuration D), ReLUs left out: they hold no parameters.
VGG16 = (
    "CONV3-64 CONV3-64 POOL2 CONV3-128 CONV3-128 POOL2 CONV3-256 CONV3-256 CONV3-256 POOL2 "
    "CONV3-512 CONV3-512 CONV3-512 POOL2 CONV3-512 CONV3-512 CONV3-512 POOL2 FC-4096 FC-4096 FC-1000"
)
VGG16_PUBLISHED_PARAMS = 138_357_544


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_exit(capsys, argv):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_report_network_prints_a_row_per_layer_and_the_totals(capsys):
    spec, shape = cnn_table.report_network()
    code, out, err = run(capsys, "table", spec, "--input", "x".join(map(str, shape)))
    assert code == 0, err
    lines = out.splitlines()
    table = layer_table(spec, shape)
    assert len(lines) == len(table.rows) + 3  # header, input row, layers, totals
    for line, row in zip(lines[2:-1], table.rows, strict=True):
        assert line.split()[1] == row.layer
        assert f"{row.params:,}" in line.split()
    assert lines[-1] == f"trainable {table.params:,}, non-trainable {table.nontrainable:,}, total {table.total:,}"


def test_json_of_vgg16_carries_its_published_count(capsys):
    code, out, _ = run(capsys, "table", VGG16, "--input", "224x224x3", "--json")
    assert code == 0
    record = json.loads(out)
    assert record["params"] == VGG16_PUBLISHED_PARAMS
    assert record["input_shape"] == [224, 224, 3]
    assert record["rows"][-1]["output_shape"] == [1000]
    assert record["rows"][-1]["receptive_field"] is None


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["table", "CONV3-8 FOO", "--input", "32x32x3"], "layer 2 ('FOO')"),
        (["table", "FC-10 CONV3-8", "--input", "32x32x3"], "layer 2 ('CONV3-8')"),
        (["table", "CONV7-8(1,0)", "--input", "4x4x3"], "does not fit"),
        (["table", "CONV3-8", "--input", "32xx3"], "input shape '32xx3'"),
        (["table", "CONV3-8", "--input", "3x32x32"], "--layout chw"),
        (["table", "CONV3-8", "--input", "0x32x3"], "every size must be >= 1"),
        (["table", "CONV3-8"], "--input"),
    ],
    ids=[
        "unknown-layer",
        "dense-then-conv",
        "kernel-too-large",
        "malformed-input",
        "channels-first",
        "zero-size",
        "missing-input",
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, needle):
    code, out, err = run_exit(capsys, argv)
    assert code == 2
    assert out == ""
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
