#!/usr/bin/env bash
# GPU smoke test + timing of the fused E-step (IlgpuBackend.Accumulate).
# Runs the self-contained build in .publish/gpu (no .NET needed on the GPU machine); builds it
# first when it is missing and a .NET SDK is present. Extra arguments go to the program:
#   bench/gpu/smoke.sh                         # CUDA: 1M/10M x2 K=5, 1M x32 K=32, 1M x64 K=64
#   bench/gpu/smoke.sh --sweep                 # also time 16 launch shapes per case
#   bench/gpu/smoke.sh --device ilgpu-cpu --small --reps 3   # here, without a GPU
# Each case prints a float64 check on 100k points (OK/FAIL) and the median ms per Accumulate.
# Exit codes: 0 OK, 1 log-likelihood check failed, 2 bad arguments, 3 no such device.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=.publish/gpu/GmmGpu.Bench.Gpu
if [[ ! -x "$binary" ]]; then
    dotnet publish bench/GmmGpu.Bench.Gpu -c Release -r linux-x64 --self-contained \
        -p:PublishTrimmed=false -o .publish/gpu
fi
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
fi
has_device=0
for arg in "$@"; do [[ "$arg" == "--device" ]] && has_device=1; done
if [[ $has_device == 0 ]]; then
    set -- --device cuda "$@"
fi
exec "$binary" "$@"
