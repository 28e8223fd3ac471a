#!/usr/bin/env bash
# bench/scaling/run.sh — the cost of streaming and of MPI, side by side in one run.
#
#   bench/scaling/run.sh [--rows N] [--iter I] [--repeat R] [--work DIR]
#
# On one .npy of N×2 points (K=5, full, tol 0, I iterations, the same seed), with the `cpu`
# backend:
#   in-memory      gmm fit DATA                       (read into memory, one resident dataset)
#   mmap-resident  gmm fit DATA --chunk-size 1048576  (memory-mapped .npy, chunks read once)
#   stream-64M     gmm fit DATA --max-device-memory 64M  (chunks re-read every pass: 2 × 4M rows)
#   stream-16M     gmm fit DATA --max-device-memory 16M  (2 × 1M rows)
#   mpi-1x2        mpiexec -n 1 gmm ... --distributed mpi   (1 rank, 2 cores)
#   mpi-2x1        mpiexec -n 2 gmm ... --distributed mpi   (2 ranks, 1 core each: DOTNET_PROCESSOR_COUNT=1)
# The cases run in turn, R rounds (so a change of the machine's load hits every case alike);
# prints a Markdown table of seconds per EM iteration (fastest of the R runs) and writes it to
# bench/scaling/results.md. The file is in the page cache after the first run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows=10000000
iter=10
repeat=3
work="$here/work"
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows="$2"; shift ;;
        --iter) iter="$2"; shift ;;
        --repeat) repeat="$2"; shift ;;
        --work) work="$2"; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

dotnet build "$root/src/Cli" -c Release -nologo -v quiet >/dev/null
gmm=(dotnet "$root/src/Cli/bin/Release/net10.0/gmm.dll")
mkdir -p "$work"
data="$work/scaling-$rows.npy"
[ -f "$data" ] || "${gmm[@]}" generate -n "$rows" --dim 2 -k 5 --seed 7 -o "$data" >/dev/null
fit=(fit "$data" -k 5 --seed 1 --tol 0 --max-iter "$iter" --device cpu --json --quiet)
command -v mpiexec.mpich >/dev/null || { echo "run.sh: needs mpiexec.mpich (apt-get install -y mpich)" >&2; exit 1; }

results="$work/results.jsonl"
: > "$results"
run() {
    local name="$1"; shift
    json=$("$@")
    echo "{\"case\": \"$name\", \"result\": $json}" >> "$results"
}
for _ in $(seq "$repeat"); do
    run in-memory "${gmm[@]}" "${fit[@]}"
    run mmap-resident "${gmm[@]}" "${fit[@]}" --chunk-size 1048576
    run stream-64M "${gmm[@]}" "${fit[@]}" --max-device-memory 64M
    run stream-16M "${gmm[@]}" "${fit[@]}" --max-device-memory 16M
    run mpi-1x2 mpiexec.mpich -n 1 "${gmm[@]}" "${fit[@]}" --distributed mpi
    run mpi-2x1 mpiexec.mpich -n 2 -env DOTNET_PROCESSOR_COUNT 1 "${gmm[@]}" "${fit[@]}" --distributed mpi
done

/usr/bin/python3 - "$results" "$rows" "$iter" "$repeat" <<'PY' | tee "$here/results.md"
import json, sys, collections
path, rows, iters, repeat = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = collections.defaultdict(list)
for line in open(path):
    r = json.loads(line)
    runs[r["case"]].append(r["result"])
base = min(r["seconds_per_iteration"] for r in runs["in-memory"])
print(f"{rows:,}×2 points, K=5 full, {iters} iterations, fastest of {repeat} runs, `cpu` backend\n")
print("| case | s/iteration | vs in-memory | lower bound | all-reduce s/iteration |")
print("|---|---:|---:|---:|---:|")
for case, rs in runs.items():
    best = min(rs, key=lambda r: r["seconds_per_iteration"])
    spi = best["seconds_per_iteration"]
    coll = best.get("allreduce_seconds_per_iteration")
    print(f"| {case} | {spi*1000:.1f} ms | {spi/base:.2f}× | {best['lower_bound']:.12f} | "
          + (f"{coll*1e6:.0f} µs" if coll is not None else "—") + " |")
PY
