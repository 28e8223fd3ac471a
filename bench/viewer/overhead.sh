#!/usr/bin/env bash
# bench/viewer/overhead.sh — how much longer an EM iteration takes with the live window open.
#
#   bench/viewer/overhead.sh [--rows "1000000 10000000"] [--iter I] [--repeat R] [--work DIR]
#                            [--before GMM_DLL]
#
# For each N in --rows, on gmm generate -n N --dim 2 -k 5 --seed 7:
#   plain    gmm fit DATA -k 5 --seed 1 --tol 0 --max-iter I --device cpu --json --quiet
#   view     the same with --view --close-when-done, under xvfb-run (an 800×600 heat map)
#   before   (with --before) the view case run by another build of gmm.dll, e.g. an older commit
# The cases run in turn, R rounds, so a change of the machine's load hits each alike. Prints
# nproc and uptime, then seconds_per_iteration per case: fastest and median, and each against
# plain. Needs xvfb (apt-get install -y xvfb).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="1000000 10000000"
iter=20
repeat=5
work="$here/work"
before=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows="$2"; shift ;;
        --iter) iter="$2"; shift ;;
        --repeat) repeat="$2"; shift ;;
        --work) work="$2"; shift ;;
        --before) before="$2"; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "overhead.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

command -v xvfb-run >/dev/null || { echo "overhead.sh: needs xvfb-run (apt-get install -y xvfb)" >&2; exit 1; }
dotnet build "$root/src/Cli" -c Release -nologo -v quiet >/dev/null
gmm="$root/src/Cli/bin/Release/net10.0/gmm.dll"
mkdir -p "$work"
results="$work/overhead.jsonl"
: > "$results"
screen=(xvfb-run -a -s "-screen 0 1280x1024x24")
nproc; uptime
for _ in $(seq "$repeat"); do
    for n in $rows; do
        data="$work/overhead-$n.npy"
        [ -f "$data" ] || dotnet "$gmm" generate -n "$n" --dim 2 -k 5 --seed 7 -o "$data" >/dev/null
        fit=(fit "$data" -k 5 --seed 1 --tol 0 --max-iter "$iter" --device cpu --json --quiet)
        echo "{\"rows\": $n, \"case\": \"plain\", \"r\": $(dotnet "$gmm" "${fit[@]}")}" >> "$results"
        echo "{\"rows\": $n, \"case\": \"view\", \"r\": $("${screen[@]}" dotnet "$gmm" "${fit[@]}" --view --close-when-done)}" >> "$results"
        if [ -n "$before" ]; then
            echo "{\"rows\": $n, \"case\": \"before\", \"r\": $("${screen[@]}" dotnet "$before" "${fit[@]}" --view --close-when-done)}" >> "$results"
        fi
    done
done
uptime

/usr/bin/python3 - "$results" "$iter" "$repeat" <<'PY'
import json, sys, statistics, collections
path, iters, repeat = sys.argv[1], sys.argv[2], sys.argv[3]
runs = collections.defaultdict(list)
for line in open(path):
    r = json.loads(line)
    runs[(r["rows"], r["case"])].append(r["r"]["seconds_per_iteration"] * 1000)
print(f"\nms per EM iteration, {iters} iterations, {repeat} rounds: fastest, median")
for (rows, case), ms in runs.items():
    plain = runs[(rows, "plain")]
    best, mid = min(ms), statistics.median(ms)
    print(f"{rows:>11,} {case:>6}: {best:7.2f} ({best / min(plain) - 1:+.0%})  "
          f"{mid:7.2f} ({mid / statistics.median(plain) - 1:+.0%})")
PY
