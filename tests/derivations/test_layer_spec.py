"""The report's layer notation: separators, case, short forms, input shapes, non-string input."""

from __future__ import annotations

import pytest

from convproof import layer_table, parse_layer_spec
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib.layer_notation import parse_input_shape

REPORT_NET = "CONV3-8 ReLU Pool-2 BATCHNORM CONV5-16(3,2) ReLU Pool-2 FLATTEN FC-10"


@pytest.mark.parametrize(
    "spec",
    [
        "conv3-8 relu pool2 batchnorm conv5-16(3,2) relu pool2 flatten fc10",
        "CONV3-8, RELU, POOL-2, BATCHNORM, CONV5-16(3, 2), RELU, POOL-2, FLATTEN, FC-10",
        "CONV3-8->ReLU->Pool-2->BATCHNORM->CONV5-16(3,2)->ReLU->Pool-2->FLATTEN->FC-10",
        "  CONV3-8 -> ReLU , Pool2  BATCHNORM CONV5-16 (3,2) ReLU Pool-2 FLATTEN FC10  ",
    ],
    ids=["lower-case", "commas", "arrows", "mixed"],
)
def test_notations_give_the_same_network(spec):
    def strip(table):
        return [(r.kind, r.output_shape, r.params, r.nontrainable, r.receptive_field) for r in table.rows]

    assert strip(layer_table(spec, "32x32x3")) == strip(layer_table(REPORT_NET, (32, 32, 3)))


def test_non_string_spec_is_rejected():
    with pytest.raises(BadInputError, match="must be a string"):
        parse_layer_spec(["CONV3-8"])
    with pytest.raises(BadInputError, match="sequence of parsed layers"):
        layer_table([], "32x32x3")


def test_input_shape_forms():
    assert parse_input_shape("32 x 32 x 3") == parse_input_shape("32×32×3") == parse_input_shape((32, 32, 3))
    assert parse_input_shape("784") == (784,)
