#!/usr/bin/env bash
# Issue 15's target table on a real GPU, in one run of a few minutes:
#   10M×2 K=5 full; 1M×8 K=16 full; 1M×32 K=32 full; 1M×64 K=64 diag; 1M×128 K=1024 diag
#   (the E-step, checked against float64, as ms/iteration, GB/s, TFLOP/s and % of the card's
#   peak), then 10M×2 K=5 full streamed from a memory-mapped .npy in 1M-row chunks vs resident.
#
# Here (with the .NET SDK):  bench/gpu/targets.sh --publish
#   publishes bench/GmmGpu.Bench.Gpu self-contained (one compressed file) into .publish/gpu.
# On the GPU machine (no SDK), from the repository root with .publish/gpu carried along:
#   bench/gpu/targets.sh [--reps N]          # CUDA
#   bench/gpu/targets.sh --device ilgpu-cpu --small --reps 3   # a dry run without a GPU
# Exit codes: 0 every check passed, 1 a check failed, 2 bad arguments, 3 no such device
# (without a GPU: "smoke: no device: No CUDA device: ...").
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=.publish/gpu/GmmGpu.Bench.Gpu
if [[ "${1:-}" == "--publish" ]]; then
    dotnet publish bench/GmmGpu.Bench.Gpu -c Release -r linux-x64 --self-contained \
        -p:PublishTrimmed=false -o .publish/gpu
    du -sh .publish/gpu
    exit 0
fi
if [[ ! -x "$binary" ]]; then
    echo "targets: $binary is missing: run bench/gpu/targets.sh --publish first" >&2
    exit 2
fi
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem \
        --format=csv,noheader || true
fi
# A single-file app unpacks its native libraries here once.
export DOTNET_BUNDLE_EXTRACT_BASE_DIR="${DOTNET_BUNDLE_EXTRACT_BASE_DIR:-/tmp/gmmgpu-bundle}"
has_device=0
for arg in "$@"; do [[ "$arg" == "--device" ]] && has_device=1; done
if [[ $has_device == 0 ]]; then
    set -- --device cuda "$@"
fi
exec "$binary" --targets --reps 10 "$@"
