"""Layer-table timings: a 1,000-layer stack and a ResNet-152-sized spec (targets 50 ms and 100 ms).

Run: .venv/bin/python benchmarks/layer_tables.py   (prints figures; nothing is asserted)
"""

from __future__ import annotations

import time

from convproof import layer_table


def best_of(function, repeat: int = 5):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def resnet152() -> str:
    """ResNet-152 (bottleneck blocks 3, 8, 36, 3) in the notation: 60,192,808 parameters at 224x224x3."""
    tokens = ["CONV7-64(2,3,nobias) BATCHNORM RELU POOL-3(2,1)"]
    cin = 64
    for width, blocks, stride in ((64, 3, 1), (128, 8, 2), (256, 36, 2), (512, 3, 2)):
        for n in range(blocks):
            s = stride if n == 0 else 1
            main = (
                f"CONV1-{width}(1,0,nobias) BATCHNORM RELU CONV3-{width}({s},1,nobias) BATCHNORM RELU "
                f"CONV1-{width * 4}(1,0,nobias) BATCHNORM"
            )
            shortcut = f" | CONV1-{width * 4}({s},0,nobias) BATCHNORM" if n == 0 else ""
            tokens.append(f"RES[{main}{shortcut}] RELU")
            cin = width * 4
    assert cin == 2048
    return " ".join(tokens) + " GAP FLATTEN FC-1000"


def main() -> None:
    first, _ = best_of(lambda: layer_table("CONV3-8", "8x8x3"), 1)  # imports and first compilation
    print(f"first call (imports, formula compilation): {first * 1e3:.1f} ms")
    for depth in (500, 1000):
        spec = " ".join(f"CONV{3 + 2 * (n % 3)}-{8 + n % 57}" for n in range(depth))
        wall, table = best_of(lambda s=spec: layer_table(s, "32x32x3"))
        print(f"{depth:5d}-layer stack: {wall * 1e3:7.2f} ms ({table.params:,} parameters)  target 1,000 < 50 ms")
    mixed = " ".join(
        ("CONV3-16(1,1,nobias)", "BATCHNORM", "RELU", "DWCONV3", "AVGPOOL-3(1,1)")[n % 5] for n in range(1000)
    )
    wall, table = best_of(lambda: layer_table(mixed, "32x32x16"))
    print(f" 1000-layer mixed (nobias, BN, DWCONV, AVGPOOL): {wall * 1e3:7.2f} ms ({table.params:,} parameters)")
    spec = resnet152()
    wall, table = best_of(lambda: layer_table(spec, "224x224x3"))
    print(f"ResNet-152 spec: {len(table.rows)} rows, {table.params:,} parameters, {wall * 1e3:.2f} ms  target < 100 ms")


if __name__ == "__main__":
    main()
