"""The trainer benchmark's reference CNN in PyTorch, for build/device-check.sh: prints the same JSON as `nas bench trainer --json`.

Same network as the macro-cnn architecture conv3x3/32+bn|conv3x3/64+bn|conv3x3/128+bn on 1x28x28 inputs, 10 classes
(each block: 3x3 stride-2 convolution without bias, batch norm, ReLU; then adaptive average pooling to 4x4 and a linear
head), Adam (lr 1e-3), cross-entropy, synthetic normalized batches. FLOP convention as the C# benchmark: a training
sample costs 3 x the forward FLOPs (multiply-add = 2; batch norm 2, ReLU 1 and pooling 1 per element); a matmul 2 n^3.
"""
import argparse
import json
import time

import torch
from torch import nn

CHANNELS = [32, 64, 128]


def build():
    layers, cin, side, flops = [], 1, 28, 0
    for cout in CHANNELS:
        layers += [nn.Conv2d(cin, cout, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
        side = (side + 1) // 2
        positions = cout * side * side
        flops += 2 * cin * 9 * positions + 2 * positions + positions
        cin = cout
    grid = min(4, side)
    flops += cin * side * side + 2 * cin * grid * grid * 10 + 10
    layers += [nn.AdaptiveAvgPool2d(grid), nn.Flatten(), nn.Linear(cin * grid * grid, 10)]
    return nn.Sequential(*layers), flops


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--matmul-size", type=int, default=1024)
    parser.add_argument("--matmul-repeats", type=int, default=20)
    args = parser.parse_args()
    device = torch.device(args.device)
    torch.manual_seed(1)
    model, forward_flops = build()
    model = model.to(device).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    inputs = ((torch.randint(0, 256, (args.batch, 1, 28, 28)).float() / 255 - 0.2860) / 0.3530).to(device)
    labels = torch.randint(0, 10, (args.batch,)).to(device)

    def step():
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(inputs), labels)
        loss.backward()
        optimizer.step()
        return loss

    for _ in range(args.warmup):
        step()
    sync(device)
    start = time.perf_counter()
    for _ in range(args.steps):
        loss = step()
    loss.item()
    samples_per_s = args.steps * args.batch / (time.perf_counter() - start)

    n = args.matmul_size
    a, b = torch.rand(n, n, device=device), torch.rand(n, n, device=device)
    (a @ b).sum().item()
    start = time.perf_counter()
    for _ in range(args.matmul_repeats):
        product = a @ b
    product.sum().item()
    matmul_gflops = 2.0 * n ** 3 * args.matmul_repeats / (time.perf_counter() - start) / 1e9

    gflops = samples_per_s * 3 * forward_flops / 1e9
    print(json.dumps({
        "samples_per_s": round(samples_per_s, 4), "gflops": round(gflops, 4), "matmul_gflops": round(matmul_gflops, 4),
        "ratio": round(gflops / matmul_gflops, 4), "device": device.type, "threads": torch.get_num_threads(),
    }))


if __name__ == "__main__":
    main()
