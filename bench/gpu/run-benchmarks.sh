#!/usr/bin/env bash
# The BenchmarkDotNet suite on a machine with an NVIDIA GPU and no .NET SDK.
#
# Here (with the SDK):   bench/gpu/run-benchmarks.sh --publish
#   publishes bench/GmmGpu.Benchmarks self-contained, as one compressed file (no trimming, no
#   NativeAOT: ILGPU emits IL at run time) into .publish/bench (~48 MB).
# There (no SDK), from the repository root with .publish/bench copied along:
#   bench/gpu/run-benchmarks.sh [--short] [--devices cuda] [--filter '*EmIteration*'] ...
#   runs it; results (Markdown + JSON per benchmark class) land in BenchmarkDotNet.Artifacts/results.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "--publish" ]]; then
    dotnet publish bench/GmmGpu.Benchmarks -c Release -r linux-x64 --self-contained \
        -p:PublishTrimmed=false -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true \
        -p:IncludeNativeLibrariesForSelfExtract=true -o .publish/bench
    du -sh .publish/bench
    exit 0
fi
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
fi
grep -m1 "model name" /proc/cpuinfo || true
echo "cores: $(nproc)"
# A single-file app unpacks its native libraries here once.
export DOTNET_BUNDLE_EXTRACT_BASE_DIR="${DOTNET_BUNDLE_EXTRACT_BASE_DIR:-/tmp/gmmgpu-bundle}"
exec .publish/bench/GmmGpu.Benchmarks "$@"
