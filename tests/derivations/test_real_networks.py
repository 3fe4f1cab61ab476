"""Acceptance: five published networks, written in the notation and built by hand in PyTorch, row by row.

Every row's output shape and parameter count is compared with the module that
computes it (forward hooks, in execution order); the totals with the published
counts; ``from_torch`` must read each model back into the same rows; receptive
fields and effective strides are measured by gradient probing (a copy of the
network with positive weights, max pools swapped for average pools of the same
geometry and activations removed, so no gradient is lost), never typed in.
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch", reason="the acceptance tests run the networks in PyTorch")
from torch import nn  # noqa: E402

from convproof import layer_table  # noqa: E402
from convproof.derivations.lib.layer_table import from_torch  # noqa: E402


class Res(nn.Module):
    """main(x) + shortcut(x); no shortcut: the identity."""

    def __init__(self, main, shortcut=None):
        super().__init__()
        self.main = main
        self.shortcut = shortcut

    def forward(self, x):
        return self.main(x) + (x if self.shortcut is None else self.shortcut(x))


def lenet5():
    spec = "CONV5-6(1,0) RELU POOL-2 CONV5-16(1,0) RELU POOL-2 FLATTEN FC-120 RELU FC-84 RELU FC-10"
    model = nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
    )  # fmt: skip
    return spec, model, (1, 32, 32), 61_706


def alexnet():
    """torchvision's AlexNet; its AdaptiveAvgPool2d((6, 6)) is the identity at 224 x 224 and left out."""
    spec = (
        "CONV11-64(4,2) RELU POOL-3(2,0) CONV5-192 RELU POOL-3(2,0) CONV3-384 RELU CONV3-256 RELU CONV3-256 RELU "
        "POOL-3(2,0) FLATTEN DROPOUT(0.5) FC-4096 RELU DROPOUT(0.5) FC-4096 RELU FC-1000"
    )
    model = nn.Sequential(
        nn.Conv2d(3, 64, 11, 4, 2), nn.ReLU(), nn.MaxPool2d(3, 2), nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(),
        nn.MaxPool2d(3, 2), nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(), nn.Conv2d(384, 256, 3, padding=1),
        nn.ReLU(), nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2), nn.Flatten(),
        nn.Dropout(0.5), nn.Linear(9216, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, 1000),
    )  # fmt: skip
    return spec, model, (3, 224, 224), 61_100_840


def vgg16():
    tokens, modules, channels = [], [], 3
    for width in (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"):
        if width == "M":
            tokens.append("POOL-2")
            modules.append(nn.MaxPool2d(2))
            continue
        tokens += [f"CONV3-{width}", "RELU"]
        modules += [nn.Conv2d(channels, width, 3, padding=1), nn.ReLU()]
        channels = width
    tokens += ["FLATTEN", "FC-4096", "RELU", "DROPOUT", "FC-4096", "RELU", "DROPOUT", "FC-1000"]
    modules += [nn.Flatten(), nn.Linear(25088, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU()]
    modules += [nn.Dropout(), nn.Linear(4096, 1000)]
    return " ".join(tokens), nn.Sequential(*modules), (3, 224, 224), 138_357_544


def _conv_bn(cin, cout, k, s, p, groups=1, act=None):
    layers = [nn.Conv2d(cin, cout, k, s, p, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    return layers + ([act()] if act else [])


def resnet18():
    tokens = ["CONV7-64(2,3,nobias) BATCHNORM RELU POOL-3(2,1)"]
    modules = [*_conv_bn(3, 64, 7, 2, 3, act=nn.ReLU), nn.MaxPool2d(3, 2, 1)]
    cin = 64
    for width, stride in ((64, 1), (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1)):
        main = f"CONV3-{width}({stride},1,nobias) BATCHNORM RELU CONV3-{width}(1,1,nobias) BATCHNORM"
        body = nn.Sequential(*_conv_bn(cin, width, 3, stride, 1, act=nn.ReLU), *_conv_bn(width, width, 3, 1, 1))
        if stride != 1 or cin != width:
            tokens.append(f"RES[{main} | CONV1-{width}({stride},0,nobias) BATCHNORM] RELU")
            modules += [Res(body, nn.Sequential(*_conv_bn(cin, width, 1, stride, 0))), nn.ReLU()]
        else:
            tokens.append(f"RES[{main}] RELU")
            modules += [Res(body), nn.ReLU()]
        cin = width
    tokens.append("GAP FLATTEN FC-1000")
    modules += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, 1000)]
    return " ".join(tokens), nn.Sequential(*modules), (3, 224, 224), 11_689_512


def mobilenet_v2():
    tokens = ["CONV3-32(2,1,nobias) BATCHNORM RELU6"]
    modules = _conv_bn(3, 32, 3, 2, 1, act=nn.ReLU6)
    cin = 32
    settings = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2))
    for t, c, n, s in (*settings, (6, 320, 1, 1)):
        for i in range(n):
            stride, hidden = (s if i == 0 else 1), cin * t
            words, body = [], []
            if t != 1:
                words.append(f"CONV1-{hidden}(1,0,nobias) BATCHNORM RELU6")
                body += _conv_bn(cin, hidden, 1, 1, 0, act=nn.ReLU6)
            words.append(f"DWCONV3({stride},1,nobias) BATCHNORM RELU6 CONV1-{c}(1,0,nobias) BATCHNORM")
            body += [
                *_conv_bn(hidden, hidden, 3, stride, 1, groups=hidden, act=nn.ReLU6),
                *_conv_bn(hidden, c, 1, 1, 0),
            ]
            if stride == 1 and cin == c:
                tokens.append(f"RES[{' '.join(words)}]")
                modules.append(Res(nn.Sequential(*body)))
            else:
                tokens.append(" ".join(words))
                modules += body
            cin = c
    tokens.append("CONV1-1280(1,0,nobias) BATCHNORM RELU6 GAP FLATTEN DROPOUT(0.2) FC-1000")
    modules += [*_conv_bn(320, 1280, 1, 1, 0, act=nn.ReLU6), nn.AdaptiveAvgPool2d(1), nn.Flatten()]
    modules += [nn.Dropout(0.2), nn.Linear(1280, 1000)]
    return " ".join(tokens), nn.Sequential(*modules), (3, 224, 224), 3_504_872


NETWORKS = {"lenet5": lenet5, "alexnet": alexnet, "vgg16": vgg16, "resnet18": resnet18, "mobilenet_v2": mobilenet_v2}


def _is_row(module) -> bool:
    return isinstance(module, Res) or (len(list(module.children())) == 0)


def measured_rows(model, shape):
    """(kind of module, output shape channels first, own parameters) of every row-making module, in execution order."""
    seen = []

    def record(module, inputs, output):
        own = sum(p.numel() for p in module.parameters(recurse=not isinstance(module, Res)))
        seen.append((tuple(output.shape[1:]), own))

    hooks = [m.register_forward_hook(record) for m in model.modules() if _is_row(m) and m is not model]
    with torch.no_grad():
        model.eval()(torch.zeros((1, *shape), device="meta"))
    for hook in hooks:
        hook.remove()
    return seen


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_every_row_agrees_with_the_torch_model(name):
    with torch.device("meta"):
        spec, model, shape, published = NETWORKS[name]()
    table = layer_table(spec, "x".join(map(str, shape)), layout="chw")
    assert table.params == published == sum(p.numel() for p in model.parameters())
    rows = [(table.shown(r.output_shape), r.params) for r in table.rows]
    assert rows == measured_rows(model, shape)


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_from_torch_reads_the_model_into_the_same_rows(name):
    with torch.device("meta"):
        spec, model, shape, published = NETWORKS[name]()
    read = from_torch(model, "x".join(map(str, shape)), layout="chw")
    written = layer_table(spec, "x".join(map(str, shape)), layout="chw")
    assert read.params == published
    strip = [(r.kind, r.output_shape, r.params, r.nontrainable, r.receptive_field) for r in written.rows]
    assert [(r.kind, r.output_shape, r.params, r.nontrainable, r.receptive_field) for r in read.rows] == strip


class _Stop(Exception):
    pass


def _probing_copy(model):
    """The network with positive weights, average pools for max pools and no activations: no gradient is lost."""
    for module in list(model.modules()):
        for name, child in module.named_children():
            if isinstance(child, nn.MaxPool2d):
                setattr(module, name, nn.AvgPool2d(child.kernel_size, child.stride, child.padding, child.ceil_mode))
            elif isinstance(child, (nn.ReLU, nn.ReLU6)):
                setattr(module, name, nn.Identity())
            elif isinstance(child, nn.Conv2d):
                with torch.no_grad():
                    child.weight.fill_(1.0 / child.weight[0].numel())
                    if child.bias is not None:
                        child.bias.zero_()
    return model.eval()


def probed_geometry(model, shape):
    """(receptive field, effective stride) along the height of every row before the network flattens, measured."""
    outputs = []

    def record(module, inputs, output):
        outputs.append(output)

    def stop(module, inputs):
        raise _Stop

    hooks = []
    for module in model.modules():
        if isinstance(module, (nn.Flatten, nn.AdaptiveAvgPool2d)):
            hooks.append(module.register_forward_pre_hook(stop))
        elif _is_row(module) and module is not model:
            hooks.append(module.register_forward_hook(record))
    x = torch.ones((1, *shape), requires_grad=True)
    try:
        model(x)
    except _Stop:
        pass
    for hook in hooks:
        hook.remove()
    measured = []
    for out in outputs:
        centre = out.shape[2] // 2
        supports = []
        for row in (centre, centre + 1):
            (grad,) = torch.autograd.grad(out[0, :, row, out.shape[3] // 2].sum(), x, retain_graph=True)
            touched = torch.nonzero(grad[0].abs().sum(dim=(0, 2))).flatten()
            supports.append((int(touched[0]), int(touched[-1])))
        measured.append((supports[0][1] - supports[0][0] + 1, supports[1][0] - supports[0][0]))
    return measured


# probing input: tall enough that the centre's receptive field is never clipped; narrow to keep it quick
PROBE = {"lenet5": (1, 96, 32), "alexnet": (3, 448, 67), "vgg16": (3, 448, 32)}
PROBE |= {"resnet18": (3, 960, 32), "mobilenet_v2": (3, 1088, 32)}


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_receptive_fields_and_strides_agree_with_gradient_probing(name):
    spec, model, _, _ = NETWORKS[name]()
    shape = PROBE[name]
    measured = probed_geometry(_probing_copy(model), shape)
    table = layer_table(spec, "x".join(map(str, shape)), layout="chw")
    rows = [(r.receptive_field, r.effective_stride) for r in table.rows[: len(measured)]]
    assert len(measured) > 5
    assert rows == measured
