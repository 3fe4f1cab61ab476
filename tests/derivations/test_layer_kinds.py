"""The notation's new layers against PyTorch module by module, and its errors, layouts and symbolic sizes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import sympy as sp

from convproof import BadInputError, conv_output_size, layer_table
from convproof.derivations.lib.layer_kinds import Layer
from convproof.derivations.lib.pooling import pool_output_size, transposed_output_size
from tests.layout import ROOT

# (spec, input channels last, the torch modules that compute it, channels first)
CASES = [
    ("POOL-3(2,0)", (55, 55, 64), "nn.MaxPool2d(3, 2)"),
    ("MAXPOOL-2(2,0,ceil)", (7, 7, 1), "nn.MaxPool2d(2, ceil_mode=True)"),
    ("POOL-3(2,1,ceil)", (8, 8, 2), "nn.MaxPool2d(3, 2, 1, ceil_mode=True)"),
    ("AVGPOOL-2", (9, 9, 3), "nn.AvgPool2d(2)"),
    ("AVGPOOL-3(2,1,ceil)", (10, 10, 3), "nn.AvgPool2d(3, 2, 1, ceil_mode=True)"),
    ("GAP", (7, 7, 5), "nn.AdaptiveAvgPool2d(1)"),
    ("CONV3x5-8", (9, 11, 3), "nn.Conv2d(3, 8, (3, 5), padding=(1, 2))"),
    ("CONV3-8(1,2,2)", (9, 9, 3), "nn.Conv2d(3, 8, 3, padding=2, dilation=2)"),
    ("CONV3-8(2,same)", (9, 9, 3), None),
    ("CONV3-8/4", (9, 9, 4), "nn.Conv2d(4, 8, 3, padding=1, groups=4)"),
    ("DWCONV3(2,1,nobias)", (9, 9, 6), "nn.Conv2d(6, 6, 3, 2, 1, groups=6, bias=False)"),
    ("CONV3-8(1,1,nobias)", (9, 9, 3), "nn.Conv2d(3, 8, 3, padding=1, bias=False)"),
    ("TCONV2-8(2,0)", (7, 7, 3), "nn.ConvTranspose2d(3, 8, 2, 2)"),
    ("TCONV3-8/2(2,1,1)", (7, 7, 4), "nn.ConvTranspose2d(4, 8, 3, 2, 1, output_padding=1, groups=2)"),
    ("DROPOUT(0.3) SOFTMAX GELU PRELU", (4, 4, 3), "nn.Dropout(0.3), nn.Softmax(1), nn.GELU(), nn.PReLU()"),
    ("FC-10(nobias)", (20,), "nn.Linear(20, 10, bias=False)"),
    ("CONV3-8", (20, 3), "nn.Conv1d(3, 8, 3, padding=1)"),
    ("CONV3-8(2,1) POOL-2", (8, 8, 8, 2), "nn.Conv3d(2, 8, 3, 2, 1), nn.MaxPool3d(2)"),
    ("RES[CONV3-4 RELU CONV3-4]", (6, 6, 4), None),
]


@pytest.mark.parametrize(("spec", "shape", "modules"), CASES, ids=[c[0] for c in CASES])
def test_new_layers_agree_with_torch(spec, shape, modules):
    torch = pytest.importorskip("torch")
    from torch import nn

    table = layer_table(spec, shape)
    if modules is None:
        assert all(min(r.output_shape) >= 1 for r in table.rows)
        return
    model = eval(f"nn.Sequential({modules})", {"nn": nn})
    first = (shape[-1], *shape[:-1]) if len(shape) > 1 else shape
    x = torch.zeros((1, *first))
    out = []
    for module in model:
        x = module(x)
        out.append(
            (
                (*x.shape[2:], x.shape[1]) if x.dim() > 2 else tuple(x.shape[1:]),
                sum(p.numel() for p in module.parameters()),
            )
        )
    assert [(r.output_shape, r.params) for r in table.rows] == out


def test_same_padding_is_tensorflows():
    assert layer_table("CONV3-8(2,same)", "9x10x3").rows[0].output_shape == (5, 5, 8)
    assert layer_table("POOL-2(2,same)", "9x9x3").rows[0].output_shape == (5, 5, 3)


def test_ceil_mode_and_pool_padding_limit():
    assert pool_output_size(7, 2, ceil_mode=True) == 4
    assert pool_output_size(7, 2) == 3
    assert pool_output_size(np.int64(7), 2) == 3
    with pytest.raises(BadInputError, match="at most 1"):
        pool_output_size(5, 2, padding=3)
    assert conv_output_size(5, 2, padding=3) == 10  # a convolution may pad that much
    assert transposed_output_size(7, 3, 2, 1, 1) == 14


def test_numpy_integers_are_sizes():
    assert layer_table("CONV3-8", (np.int64(32), 32, 3)).params == 224


def test_layout():
    assert layer_table("CONV3-8 POOL-2 FC-10", "3x32x32", layout="chw").params == 20714
    with pytest.raises(BadInputError, match=r"looks channels first.*write 32x32x3.*--layout chw"):
        layer_table("CONV3-8 POOL-2 FC-10", "3x32x32")
    assert layer_table("CONV3-8", "3x32x32", layout="hwc").rows[0].params == (32 * 9 + 1) * 8
    with pytest.raises(BadInputError, match="layout 'nhwc'"):
        layer_table("CONV3-8", "32x32x3", layout="nhwc")


def test_residual_geometry_is_the_largest_path():
    table = layer_table("CONV3-8 RES[CONV3-8 CONV3-8]", "16x16x8")
    assert [(r.kind, r.path, r.receptive_field) for r in table.rows] == [
        ("conv", "", 3), ("conv", "res 4", 5), ("conv", "res 4", 7), ("res", "", 7)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "shape", "message"),
    [
        ("CONV3-8 FOO", "8x8x3", r"layer 2 \('FOO'\) at character 8: unknown layer.*in 'CONV3-8 \^FOO'"),
        ("RES[CONV3-8(2,1)] RELU", "8x8x8", r"main path gives 4x4x8 but its shortcut gives 8x8x8.*projection"),
        ("RES[CONV3-8 | CONV1-8(1,0) | CONV1-8(1,0)]", "8x8x8", "one shortcut"),
        ("RES[CONV3-8", "8x8x8", "not closed"),
        ("CONV3-8]", "8x8x8", r"outside a residual block.*CONV3-8\^\]"),
        ("CONV3-8/3", "8x8x3", "groups must divide the 8 filters"),
        ("CONV3-6/3", "8x8x4", "3 groups do not divide the 4 input channels"),
        ("POOL-2(1,2)", "8x8x3", "at most 1"),
        ("DROPOUT(1.5)", "8x8x3", r"rate must be a number in \[0, 1\]"),
        ("CONV3x5-8", "8x3", "kernel has 2 sizes but the input has 1 spatial axes"),
        ("GAP CONV3-8 FC-2 GAP", "8x8x3", r"layer 4 \('GAP'\).*needs an H x W x C input.*in 'GAP CONV3-8 FC-2 \^GAP'"),
        ("TCONV2-8(2,0,2)", "8x8x3", "output padding 2 must be smaller"),
        ("RELU(2)", "8x8x3", "takes no settings"),
    ],
)
def test_errors_point_at_the_token(spec, shape, message):
    with pytest.raises(BadInputError, match=message):
        layer_table(spec, shape)


def test_symbolic_sizes_give_formulas_and_conditions():
    table = layer_table("CONV3-8(2,1) POOL-2 CONV3-16 GAP FC-10", "HxWx3")
    H, W = sp.symbols("H W", integer=True, positive=True)
    pooled = table.rows[1].output_shape
    assert table.params == 224 + 1168 + 170
    for h in range(4, 40):
        numeric = layer_table("CONV3-8(2,1) POOL-2 CONV3-16 GAP FC-10", (h, 7 + h, 3))
        valid = all(bool(c.subs({H: h, W: 7 + h})) for c in table.conditions)
        assert valid
        assert tuple(int(v.subs({H: h, W: 7 + h})) for v in pooled) == numeric.rows[1].output_shape


def test_table_json_pipe_is_quiet():
    done = subprocess.run(
        f"{sys.executable} -m convproof table 'CONV3-8 POOL-2 FC-10' --input 32x32x3 --json | head -1",
        shell=True, cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.stdout == "{\n" and done.stderr == ""


def test_cli_layout_and_symbols(capsys):
    from convproof.reports.cli import main

    assert main(["table", "CONV3-8 POOL-2 FC-10", "--input", "3x32x32", "--layout", "chw"]) == 0
    out = capsys.readouterr().out
    assert "8x16x16" in out and "total 20,714" in out
    assert main(["table", "CONV3-8(2,0) FC-10", "--input", "HxWx3"]) == 0
    out = capsys.readouterr().out
    assert "valid when H >= 3, W >= 3" in out


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"units": 0}, "needs units >= 1"),
        ({"units": -5}, "units must be a whole number >= 0"),
        ({"units": 8, "kernel": 2.5}, "kernel must be a whole number >= 1"),
        ({"units": 8, "strides": (0,)}, "strides must be a whole number >= 1"),
        ({"units": 8, "position": 0}, "position must be a whole number >= 1"),
        ({"units": True}, "units must be a whole number"),
    ],
    ids=["no filters", "negative filters", "fractional kernel", "zero stride", "position 0", "bool units"],
)
def test_a_hand_built_layer_is_checked_like_a_parsed_one(fields, message):
    with pytest.raises(BadInputError, match=message):
        Layer("conv", "CONV3-8", **{"position": 1, **fields})
