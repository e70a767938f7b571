#!/usr/bin/env bash
# Device check, one command: the trainer benchmark (nas bench trainer) on CUDA, and the same model in PyTorch on the same
# GPU (build/device-check.py), their JSONs and their samples/s ratio written to $OUT (else artifacts/device-check).
#
# Recipe of ../shared/gpu/README.md: where .NET is installed, the CLI is published self-contained into
# artifacts/device-check-bin (ignored by git) with -p:NasTorchBackend=none, so it carries TorchSharp but no libtorch; at run
# time libtorch comes from PyTorch's torch/lib when python3 has torch, else from the libtorch-cpu NuGet package. On a GPU
# machine without .NET, carry artifacts/device-check-bin there and run this script: it uses the folder as it is.
#
# CPU fallback: with no CUDA device the same benchmark runs on the CPU (the summary says so), PyTorch is skipped when torch
# is missing, and torchsharp.json is still written. Knobs: NAS_CHECK_STEPS (30), NAS_CHECK_WARMUP (5), NAS_CHECK_BATCH (128),
# NAS_CHECK_MATMUL_REPEATS (20), NAS_CHECK_THREADS (0 = all cores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/artifacts/device-check}"
bin="$root/artifacts/device-check-bin"
mkdir -p "$out"
: > "$out/summary.txt"
say() { echo "device-check: $*" | tee -a "$out/summary.txt"; }
bench_args=(--steps "${NAS_CHECK_STEPS:-30}" --warmup "${NAS_CHECK_WARMUP:-5}" --batch "${NAS_CHECK_BATCH:-128}"
  --matmul-repeats "${NAS_CHECK_MATMUL_REPEATS:-20}")
threads="${NAS_CHECK_THREADS:-0}"

if command -v dotnet > /dev/null 2>&1; then
  say "publishing nas (self-contained, NasTorchBackend=none) into $bin"
  # Into an empty folder: republishing over an earlier copy dropped libLibTorchSharp.so (the SDK's incremental clean).
  rm -rf "$bin"
  dotnet publish "$root/src/NasFunctions.Local/NasFunctions.Local.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:NasTorchBackend=none -p:DebugType=none \
    -p:GenerateDocumentationFile=false --artifacts-path "$root/artifacts/device-check-build" -o "$bin" \
    --nologo -v quiet -clp:ErrorsOnly > "$out/publish.log" 2>&1 || { cat "$out/publish.log" >&2; exit 1; }
  [ -f "$bin/libLibTorchSharp.so" ] || { say "the publish left no libLibTorchSharp.so in $bin"; exit 1; }
elif [ ! -x "$bin/nas" ]; then
  say "no .NET SDK here and no published bench in $bin: publish on a build machine and carry that folder"
  exit 1
fi

torch_lib=""
if command -v python3 > /dev/null 2>&1 && python3 -c 'import torch' > /dev/null 2>&1; then
  torch_lib="$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__) + "/lib")')"
  say "libtorch from PyTorch $(python3 -c 'import torch; print(torch.__version__)') ($torch_lib)"
  libs="$torch_lib"
else
  libs="$(ls -d "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/libtorch-cpu-linux-x64/*/runtimes/linux-x64/native 2> /dev/null | tail -n 1 || true)"
  [ -n "$libs" ] || { say "no libtorch found (neither PyTorch nor the libtorch-cpu NuGet package)"; exit 1; }
  say "python3 has no torch: libtorch from the libtorch-cpu NuGet package ($libs); PyTorch comparison skipped"
fi

run_nas() {
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 LD_LIBRARY_PATH="$libs:$bin${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$bin/nas" bench trainer --json --threads "$threads" "${bench_args[@]}" "$@"
}

device=cuda
if ! run_nas --device cuda > "$out/torchsharp.json" 2> "$out/torchsharp.err"; then
  say "no CUDA device for TorchSharp ($(tail -n 1 "$out/torchsharp.err")): falling back to the CPU"
  device=cpu
  run_nas --device cpu > "$out/torchsharp.json" 2> "$out/torchsharp.err" || { cat "$out/torchsharp.err" >&2; exit 1; }
fi
say "TorchSharp on $device: $(cat "$out/torchsharp.json")"
if [ "$device" = cuda ]; then
  # bf16 (bfloat16 computation, float32 master weights) beside fp32; its matmul reference is bf16 too. Not fatal.
  if run_nas --device cuda --precision bf16 > "$out/torchsharp-bf16.json" 2> "$out/torchsharp-bf16.err"; then
    say "TorchSharp on cuda, bf16: $(cat "$out/torchsharp-bf16.json")"
  else
    say "TorchSharp bf16 on cuda failed: $(tail -n 1 "$out/torchsharp-bf16.err")"
  fi
fi

samples() { sed -n 's/.*"samples_per_s": \([0-9.eE+-]*\).*/\1/p' "$1"; }
if [ -n "$torch_lib" ]; then
  python3 "$root/build/device-check.py" --device "$device" "${bench_args[@]}" > "$out/pytorch.json"
  say "PyTorch on $device: $(cat "$out/pytorch.json")"
  ratio="$(awk -v a="$(samples "$out/torchsharp.json")" -v b="$(samples "$out/pytorch.json")" 'BEGIN { printf "%.4f", a / b }')"
  printf '{"device": "%s", "torchsharp_samples_per_s": %s, "pytorch_samples_per_s": %s, "ratio": %s}\n' \
    "$device" "$(samples "$out/torchsharp.json")" "$(samples "$out/pytorch.json")" "$ratio" > "$out/ratio.json"
  say "samples/s TorchSharp / PyTorch on $device: $ratio"
fi
say "done on $device; results in $out"
