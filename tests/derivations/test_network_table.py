"""The layer table: shapes and counts against real networks (NumPy, PyTorch), classic counts, bad input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convproof import layer_table, parse_layer_spec
from convproof.derivations.checks.torch_layers import torch_forward
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib.forward import numpy_forward
from convproof.derivations.lib.simulate import measured_receptive_field

REPORT_NET = "CONV3-8 ReLU Pool-2 BATCHNORM CONV5-16(3,2) ReLU Pool-2 FLATTEN FC-10"

# VGG-16 (Simonyan & Zisserman 2015, configuration D): 13 CONV3 layers with padding 1, five 2x2 pools, FC-4096 x 2.
VGG16 = (
    "CONV3-64 RELU CONV3-64 RELU POOL2 CONV3-128 RELU CONV3-128 RELU POOL2 "
    "CONV3-256 RELU CONV3-256 RELU CONV3-256 RELU POOL2 CONV3-512 RELU CONV3-512 RELU CONV3-512 RELU POOL2 "
    "CONV3-512 RELU CONV3-512 RELU CONV3-512 RELU POOL2 FC-4096 RELU FC-4096 RELU FC-1000"
)
VGG16_PUBLISHED_PARAMS = 138_357_544  # torchvision's vgg16 and Keras' VGG16 both report this count
VGG16_POOL5_RECEPTIVE_FIELD = 212  # as widely tabulated for VGG-16: 196 at conv5_3, 212 at pool5

# LeNet-5 in its common modern form (max pools, C3 fully connected): 61,706 parameters.
LENET5 = "CONV5-6(1,0) POOL2 CONV5-16(1,0) POOL2 FC-120 FC-84 FC-10"
LENET5_PUBLISHED_PARAMS = 61_706


def test_vgg16_matches_its_published_parameter_count():
    table = layer_table(VGG16, "224x224x3")
    assert table.params == VGG16_PUBLISHED_PARAMS
    assert table.nontrainable == 0
    pool5 = [row for row in table.rows if row.kind == "pool"][-1]
    assert pool5.output_shape == (7, 7, 512)
    assert pool5.receptive_field == VGG16_POOL5_RECEPTIVE_FIELD
    assert table.rows[-1].output_shape == (1000,)


def test_vgg16_every_row_agrees_with_pytorch_on_the_meta_device():
    pytest.importorskip("torch")
    table = layer_table(VGG16, "224x224x3")
    measured = torch_forward(parse_layer_spec(VGG16), (224, 224, 3), "meta")
    assert [(r.output_shape, r.params) for r in table.rows] == [(m["shape"], m["params"]) for m in measured]


def test_lenet5_matches_its_published_parameter_count():
    assert layer_table(LENET5, "32x32x1").params == LENET5_PUBLISHED_PARAMS


def test_rows_are_their_formulas_substituted():
    for row in layer_table(REPORT_NET, "32x32x3").rows:
        assert tuple(row.shape_formula.subs(row.values)) == row.output_shape
        assert row.params_formula.subs(row.values) == row.params
        assert row.nontrainable_formula.subs(row.values) == row.nontrainable


def test_vector_networks_and_batchnorm_on_vectors():
    table = layer_table("FC-100 BATCHNORM RELU FC-10", "784")
    assert [r.output_shape for r in table.rows] == [(100,), (100,), (100,), (10,)]
    assert [r.params for r in table.rows] == [
        m["params"] for m in numpy_forward(parse_layer_spec("FC-100 BATCHNORM RELU FC-10"), (784,))
    ]


def test_json_record_round_trips():
    record = json.loads(json.dumps(layer_table(REPORT_NET, "32x32x3").as_dict()))
    assert record["params"] == sum(row["params"] for row in record["rows"])
    assert record["rows"][0]["formula_values"] == {"C": 3, "f": 8, "k": 3}


@st.composite
def networks(draw) -> tuple[str, tuple[int, int, int]]:
    """A valid sequential network in the report's notation, and its input shape."""
    h, w, c = draw(st.integers(1, 12)), draw(st.integers(1, 12)), draw(st.integers(1, 4))
    start = (h, w, c)
    tokens, spatial = [], True
    for _ in range(draw(st.integers(1, 6))):
        windowed = ["conv", "conv", "pool", "flatten"] if spatial else []
        kind = draw(st.sampled_from(["relu", "batchnorm", "fc", *windowed]))
        if kind == "conv":
            p = draw(st.integers(0, 2))
            k = draw(st.integers(1, min(h, w) + 2 * p))
            s, f = draw(st.integers(1, 3)), draw(st.integers(1, 5))
            same = k % 2 == 1 and s == 1 and p == (k - 1) // 2 and draw(st.booleans())
            tokens.append(f"CONV{k}-{f}" if same else f"CONV{k}-{f}({s},{p})")
            h, w = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
        elif kind == "pool":
            n = draw(st.integers(1, min(h, w)))
            tokens.append(draw(st.sampled_from([f"POOL{n}", f"Pool-{n}"])))
            h, w = h // n, w // n
        elif kind == "fc":
            tokens.append(draw(st.sampled_from(["FC-{}", "fc{}"])).format(draw(st.integers(1, 6))))
            spatial = False
        else:
            tokens.append(draw(st.sampled_from([kind.upper(), kind])))
            spatial = spatial and kind != "flatten"
    return draw(st.sampled_from([" ", ", ", " -> ", "->"])).join(tokens), start


@given(networks())
def test_table_agrees_with_a_numpy_forward_pass(network):
    spec, shape = network
    table = layer_table(spec, shape)
    measured = numpy_forward(parse_layer_spec(spec), shape)
    assert [(r.output_shape, r.params, r.nontrainable) for r in table.rows] == [
        (m["shape"], m["params"], m["nontrainable"]) for m in measured
    ]


@given(networks())
def test_table_agrees_with_pytorch(network):
    pytest.importorskip("torch")
    spec, shape = network
    table = layer_table(spec, shape)
    measured = torch_forward(parse_layer_spec(spec), shape)
    assert [(r.output_shape, r.params, r.nontrainable) for r in table.rows] == [
        (m["shape"], m["params"], m["nontrainable"]) for m in measured
    ]


@given(networks())
def test_receptive_field_is_measured_by_probing(network):
    spec, shape = network
    layers = parse_layer_spec(spec)
    for n, row in enumerate(layer_table(layers, shape).rows):
        if row.receptive_field is None:
            continue
        windows = [(l.kernel, l.stride, 1) for l in layers[: n + 1] if l.kind in ("conv", "pool")]
        assert row.receptive_field == measured_receptive_field(windows)


BAD = [
    ("CONV3-8 FOO FC-10", "32x32x3", r"layer 2 \('FOO'\).*unknown layer"),
    ("CONV3-8 CONV9-4(1,0)", "4x4x3", r"layer 2 \('CONV9-4\(1,0\)'\).*does not fit"),
    ("POOL-2 POOL-2 POOL-2", "4x4x1", r"layer 3 \('POOL-2'\).*does not fit"),
    ("CONV0-8", "32x32x3", r"layer 1 \('CONV0-8'\).*>= 1"),
    ("CONV3-8 FC-0", "32x32x3", r"layer 2 \('FC-0'\).*>= 1"),
    ("CONV3-8(1,-1)", "32x32x3", r"layer 1 .*padding >= 0"),
    ("CONV3-8(0,1)", "32x32x3", r"layer 1 .*stride must be >= 1"),
    ("FC-10 CONV3-8", "32x32x3", r"layer 2 \('CONV3-8'\).*needs an H x W x C input"),
    ("FLATTEN POOL-2", "32x32x3", r"layer 2 \('POOL-2'\).*needs an H x W x C input"),
    ("CONV2-8", "32x32x3", r"layer 1 \('CONV2-8'\).*even kernel"),
    ("CONV3", "32x32x3", r"layer 1 \('CONV3'\).*cannot read"),
    ("RELU2", "32x32x3", r"layer 1 \('RELU2'\).*cannot read"),
    ("CONV3-8 @", "32x32x3", r"layer 2 \('@'\) at character 8"),
    ("CONV3-8x RELU", "32x32x3", r"layer 1 \('CONV3-8x'\)"),
    ("  , -> ", "32x32x3", r"no layers"),
    ("CONV3-8", "2x32x32x3x3", r"input shape '2x32x32x3x3' has 5 sizes"),
    ("CONV3-8", "3x32x32", r"looks channels first.*--layout chw"),
    ("CONV3-8", "32xx3", r"input shape '32xx3'.*H x W x C"),
    ("CONV3-8", "0x32x3", r"every size must be >= 1"),
    ("CONV3-8", "-32x32x3", r"every size must be >= 1"),
    ("CONV3-8", (32.0, 32, 3), r"tuple of integers"),
]


@pytest.mark.parametrize(("spec", "shape", "message"), BAD, ids=[f"{s!s}|{i!s}" for s, i, _ in BAD])
def test_bad_input_names_the_layer_and_what_is_right(spec, shape, message):
    with pytest.raises(BadInputError, match=message):
        layer_table(spec, shape)


@given(
    st.fixed_dictionaries({name: st.integers(1, 10**6) for name in ("H", "W", "C", "k", "s", "f", "n_in", "n_out")}),
    st.integers(0, 10**6),
)
def test_compiled_formulas_agree_with_sympy_substitution(numbers, padding):
    from convproof.derivations.lib import layer_eval as ev
    from convproof.derivations.lib import layer_formulas as nt
    from convproof.derivations.lib.layer_notation import parse_layer_spec

    values = {sym: numbers[sym.name] for sym in (nt.H, nt.W, nt.C, nt.k, nt.s, nt.f, nt.n_in, nt.n_out)}
    values[nt.p] = padding
    halved = nt.PARAMETERS["conv"] / 2  # a rational constant: evaluated by SymPy, not as integers
    windows = [nt.layer_formulas(parse_layer_spec(spec)[0], (9, 9, 2))[0] for spec in ("CONV3-4(1,1)", "POOL-3")]
    formulas = [*windows[0], *windows[1], *nt.PARAMETERS.values(), halved]
    assert ev.evaluate_integers(formulas, values) == tuple(int(ev.substitute(form, values)) for form in formulas)
    assert ev.evaluate_integers(formulas[:-1], values) == tuple(
        int(ev.substitute(form, values)) for form in formulas[:-1]
    )
