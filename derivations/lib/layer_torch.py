"""A PyTorch model, read back into the layer notation (torch is imported only when called).

The model is traced with ``torch.fx``; every module call becomes a layer of the
notation, and an addition of two branches that start from the same tensor
becomes a residual block ``RES[longer branch | shorter branch]`` (an empty
shortcut when one branch is the block's input itself).
"""

from __future__ import annotations

import operator

from ..errors import BadInputError

__all__ = ["torch_layers"]

_ACTIVATIONS = {
    "ReLU": "RELU",
    "ReLU6": "RELU6",
    "LeakyReLU": "LEAKYRELU",
    "ELU": "ELU",
    "SELU": "SELU",
    "CELU": "CELU",
    "GELU": "GELU",
    "Sigmoid": "SIGMOID",
    "Tanh": "TANH",
    "SiLU": "SILU",
    "Mish": "MISH",
    "Hardswish": "HARDSWISH",
    "Hardsigmoid": "HARDSIGMOID",
    "Hardtanh": "HARDTANH",
    "Softplus": "SOFTPLUS",
    "Softsign": "SOFTSIGN",
    "LogSigmoid": "LOGSIGMOID",
    "Softmax": "SOFTMAX",
    "Flatten": "FLATTEN",
}
_ADDS = {operator.add, operator.iadd, "add", "add_", "__add__", "__iadd__"}
_FLATTENS = {"flatten"}
_RELUS = {"relu", "relu_"}


def _sizes(value) -> str:
    values = tuple(value) if isinstance(value, (tuple, list)) else (value,)
    return str(values[0]) if all(v == values[0] for v in values) else "x".join(map(str, values))


def _conv(module, name: str) -> str:
    bias = "" if module.bias is not None else ",nobias"
    padding = module.padding if isinstance(module.padding, str) else _sizes(module.padding)
    kernel, stride, dilation = (_sizes(v) for v in (module.kernel_size, module.stride, module.dilation))
    groups, cin, cout = module.groups, module.in_channels, module.out_channels
    if name.startswith("ConvTranspose"):
        grouping = f"/{groups}" if groups > 1 else ""
        return f"TCONV{kernel}-{cout}{grouping}({stride},{padding},{_sizes(module.output_padding)},{dilation}{bias})"
    if groups > 1 and groups == cin == cout:
        return f"DWCONV{kernel}({stride},{padding},{dilation}{bias})"
    grouping = f"/{groups}" if groups > 1 else ""
    return f"CONV{kernel}-{cout}{grouping}({stride},{padding},{dilation}{bias})"


def _module_text(module) -> str | None:
    """The notation of one module; None for a module that does nothing (Identity)."""
    name = type(module).__name__
    if name.startswith(("Conv", "ConvTranspose")) and name[-2:] in ("1d", "2d", "3d"):
        return _conv(module, name)
    if name.startswith(("MaxPool", "AvgPool")):
        if getattr(module, "dilation", 1) not in (1, (1,), (1, 1), (1, 1, 1)):
            raise BadInputError(f"{name} with dilation {module.dilation} has no notation; use dilation 1")
        kind = "POOL" if name.startswith("Max") else "AVGPOOL"
        ceil = ",ceil" if module.ceil_mode else ""
        return f"{kind}-{_sizes(module.kernel_size)}({_sizes(module.stride)},{_sizes(module.padding)}{ceil})"
    if name.startswith("AdaptiveAvgPool"):
        size = module.output_size
        if all(v == 1 for v in (size if isinstance(size, (tuple, list)) else (size,))):
            return "GAP"
    if name.startswith("BatchNorm") and module.affine and module.track_running_stats:
        return "BATCHNORM"
    if name.startswith("Dropout") or name == "AlphaDropout":
        return f"DROPOUT({module.p})"
    if name == "Linear":
        return f"FC-{module.out_features}" + ("" if module.bias is not None else "(nobias)")
    if name == "PReLU" and module.num_parameters == 1:
        return "PRELU"
    if name in _ACTIVATIONS:
        return _ACTIVATIONS[name]
    if name == "Identity":
        return None
    raise BadInputError(
        f"cannot read a {name} module as a layer of the notation; the model may use Conv, ConvTranspose, MaxPool, "
        "AvgPool, AdaptiveAvgPool(1), BatchNorm, Dropout, Linear, Flatten, Softmax, activations and additions"
    )


def _function_text(node) -> str | None:
    target = node.target if node.op == "call_function" else None
    name = getattr(target, "__name__", node.target if node.op == "call_method" else "")
    if name in _FLATTENS:
        return "FLATTEN"
    if name in _RELUS:
        return "RELU"
    if name.startswith("adaptive_avg_pool"):
        size = node.args[1] if len(node.args) > 1 else node.kwargs.get("output_size")
        if all(v == 1 for v in (size if isinstance(size, (tuple, list)) else (size,))):
            return "GAP"
    if name == "dropout":
        return None
    raise BadInputError(f"cannot read the operation {name or node.target!r} of the model as a layer of the notation")


class _Graph:
    def __init__(self, graph_module):
        self.modules = dict(graph_module.named_modules())

    @staticmethod
    def is_add(node) -> bool:
        return node.op in ("call_function", "call_method") and node.target in _ADDS and len(node.args) == 2

    def back(self, node):
        """The tensor a node's chain continues from: its input, or for a sum the fork of its branches."""
        if self.is_add(node):
            return self.fork(node)
        inputs = [a for a in node.args if hasattr(a, "op")]
        if not inputs:
            raise BadInputError(f"cannot follow the model's graph back from {node.name!r}")
        return inputs[0]

    def chain(self, node) -> list:
        out = [node]
        while out[-1].op != "placeholder":
            out.append(self.back(out[-1]))
        return out

    def fork(self, node):
        first, second = node.args
        seen = set(self.chain(first))
        for candidate in self.chain(second):
            if candidate in seen:
                return candidate
        raise BadInputError(f"the branches added at {node.name!r} do not start from one tensor")

    def text(self, start, end) -> list[str]:
        """The notation of the nodes after ``start`` up to ``end``, in order."""
        nodes = []
        while end is not start:
            nodes.append(end)
            end = self.back(end)
        out = []
        for node in reversed(nodes):
            if self.is_add(node):
                fork = self.fork(node)
                branches = sorted((self.text(fork, arm) for arm in node.args), key=len, reverse=True)
                out.append(f"RES[{' '.join(branches[0])} | {' '.join(branches[1])}]".replace(" | ]", "]"))
                continue
            text = _module_text(self.modules[node.target]) if node.op == "call_module" else _function_text(node)
            if text is not None:
                out.append(text)
        return out


def torch_layers(model) -> str:
    """The spec, in the layer notation, of a PyTorch model traced with ``torch.fx``.

    >>> import importlib.util
    >>> if importlib.util.find_spec("torch"):
    ...     from torch import nn
    ...     print(torch_layers(nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1, bias=False), nn.MaxPool2d(3, 2, 1, ceil_mode=True))))
    ... else:
    ...     print("CONV3-8(2,1,1,nobias) POOL-3(2,1,ceil)")
    CONV3-8(2,1,1,nobias) POOL-3(2,1,ceil)
    """
    import torch.fx

    try:
        traced = torch.fx.symbolic_trace(model)
    except Exception as exc:  # fx raises many kinds on code it cannot trace
        raise BadInputError(f"cannot trace the model with torch.fx ({type(exc).__name__}: {exc})") from None
    graph = _Graph(traced)
    nodes = list(traced.graph.nodes)
    inputs = [n for n in nodes if n.op == "placeholder"]
    output = next(n for n in nodes if n.op == "output")
    if len(inputs) != 1:
        raise BadInputError(f"the model takes {len(inputs)} inputs; a layer table needs exactly one")
    end = output.args[0]
    text = graph.text(inputs[0], end)
    if not text:
        raise BadInputError("the model has no layer the notation can show")
    return " ".join(text)
