#!/usr/bin/env bash
# bench/peers/run.sh — same data, same start, same iterations: scikit-learn vs Armadillo vs `gmm fit`.
#
#   bench/peers/run.sh [--quick | --large | --grid] [--iter N] [--iter-10m N] [--tools gmm,sklearn,arma]
#                      [--case NAME]... [--repeat R] [--work DIR] [--seed S] [--out PREFIX]
#                      [--sklearn-init kmeans|random_from_data] [--gmm-repeat R]
#
# Cases (full profile): 1Mx2-K5-full, 1Mx8-K16-full, 10Mx2-K5-full, 1Mx2-K5-diag.
# --quick runs 100kx2-K5-full, 100kx8-K16-full, 100kx2-K5-diag instead.
# --large runs the large-D/K cases of the blocked CPU pass: 200kx32-K16-full, 200kx32-K256-diag,
# 1Mx40-K512-diag (a speaker-verification UBM size).
# --grid runs 50k points over D (2, 8, 16, 32, 64; K=16 full) and over K (4, 16, 64, 256; D=32
# diag) for the D/K plot (bench/peers/plot_dk.py).
# Prints one Markdown table and writes it to bench/peers/results.md (results-quick.md with --quick)
# with the raw numbers in the matching .json.  See bench/peers/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

quick=0
iter=20
iter10m=""
tools="gmm,sklearn,arma"
work="$here/work"
seed=12345
repeat=1
out=""
gmm_repeat=1
sklearn_init=kmeans      # sklearn's default; its k-means result is discarded (see README)
only=()
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --large) quick=2 ;;
        --grid) quick=3 ;;
        --iter) iter="$2"; shift ;;
        --iter-10m) iter10m="$2"; shift ;;
        --tools) tools="$2"; shift ;;
        --case) only+=("$2"); shift ;;
        --work) work="$2"; shift ;;
        --seed) seed="$2"; shift ;;
        --repeat) repeat="$2"; shift ;;
        --out) out="$2"; shift ;;
        --sklearn-init) sklearn_init="$2"; shift ;;
        --gmm-repeat) gmm_repeat="$2"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
[ -n "$iter10m" ] || iter10m="$iter"
[ "$iter" -ge 2 ] && [ "$iter10m" -ge 2 ] || { echo "run.sh: iterations must be >= 2" >&2; exit 2; }
if [ -z "$out" ]; then
    case "$quick" in
        1) out="$here/results-quick" ;;
        2) out="$here/results-large" ;;
        3) out="$here/results-grid" ;;
        *) out="$here/results" ;;
    esac
fi
PY="${PYTHON:-/usr/bin/python3}"           # Debian's python3 carries python3-sklearn
GMM="${GMM:-$root/gmm}"                   # the repo's launcher (builds the CLI in Release when needed)

# ---- dependencies -------------------------------------------------------------------------------
need=()
[[ ",$tools," == *",sklearn,"* ]] && need+=(python3-sklearn)
[[ ",$tools," == *",arma,"* ]] && need+=(libarmadillo-dev g++)
need+=(python3-numpy)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "run.sh: installing ${missing[*]}..." >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "run.sh: missing ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

mkdir -p "$work"
if [[ ",$tools," == *",arma,"* ]]; then
    arma_bin="$work/arma_fit"
    if [ ! -x "$arma_bin" ] || [ "$here/arma_fit.cpp" -nt "$arma_bin" ]; then
        echo "run.sh: building arma_fit..." >&2
        g++ -O3 -march=native -fopenmp "$here/arma_fit.cpp" -o "$arma_bin" -larmadillo
    fi
fi

# ---- cases: name N D K covariance iterations -----------------------------------------------------
if [ "$quick" = 3 ]; then
    cases=()
    for d in 2 8 16 32 64; do cases+=("50kx$d-K16-full 50000 $d 16 full $iter"); done
    for k in 4 16 64 256; do cases+=("50kx32-K$k-diag 50000 32 $k diag $iter"); done
elif [ "$quick" = 2 ]; then
    cases=(
        "200kx32-K16-full 200000 32 16 full $iter"
        "200kx32-K256-diag 200000 32 256 diag $iter"
        "1Mx40-K512-diag 1000000 40 512 diag $iter"
    )
elif [ "$quick" = 1 ]; then
    cases=(
        "100kx2-K5-full 100000 2 5 full $iter"
        "100kx8-K16-full 100000 8 16 full $iter"
        "100kx2-K5-diag 100000 2 5 diag $iter"
    )
else
    cases=(
        "1Mx2-K5-full 1000000 2 5 full $iter"
        "1Mx8-K16-full 1000000 8 16 full $iter"
        "10Mx2-K5-full 10000000 2 5 full $iter10m"
        "1Mx2-K5-diag 1000000 2 5 diag $iter"
    )
fi

raw="$work/raw-$$.jsonl"
: > "$raw"
trap 'rm -f "$raw"' EXIT

# run_tool CASE TOOL ITER CMD...: runs CMD, appends {"case", "tool", "iter", ...its JSON...} or an error.
run_tool() {
    local case="$1" tool="$2" it="$3"; shift 3
    local so se rc=0
    so="$(mktemp)"; se="$(mktemp)"
    echo "run.sh: [$case] $tool ..." >&2
    "$@" >"$so" 2>"$se" || rc=$?
    "$PY" - "$case" "$tool" "$it" "$rc" "$so" "$se" >>"$raw" <<'PYEOF'
import json, sys
case, tool, it, rc, so, se = sys.argv[1:]
text = open(so).read()
obj = None
for line in reversed(text.strip().splitlines()):       # the tool's one JSON object (last {...} line)
    line = line.strip()
    if line.startswith("{"):
        try:
            obj = json.loads(line); break
        except ValueError:
            pass
if obj is None:
    try:
        obj = json.loads(text)
    except ValueError:
        obj = None
rec = {"case": case, "tool": tool, "iter": int(it)}
if rc != "0" or not isinstance(obj, dict):
    err = (open(se).read().strip().splitlines() or ["no output"])[-3:]
    rec["error"] = f"exit {rc}: " + " | ".join(err)
else:
    rec.update(obj)
print(json.dumps(rec))
PYEOF
    if [ "$rc" -ne 0 ]; then
        echo "run.sh: [$case] $tool failed (exit $rc):" >&2
        tail -n 5 "$se" >&2 || true
    fi
    rm -f "$so" "$se"
}

# gmm_fit DATA INIT K COV ITER: two runs (ITER and 1 iteration), one JSON object with the ITER run's
# fields, seconds_per_iteration_self (gmm's own figure) and the differenced seconds_per_iteration.
gmm_fit() {
    # gmm's timings are a few ms at 50k points, where one process's JIT and page faults move t(1)
    # by as much as the whole difference: --gmm-repeat R takes the fastest of R runs of each.
    local data="$1" init="$2" k="$3" cov="$4" it="$5" j1s=() jns=() r
    for r in $(seq "$gmm_repeat"); do
        j1s+=("$("$GMM" fit "$data" -k "$k" --covariance "$cov" --init "$init" --tol 0 --max-iter 1 \
            --device cpu --json)") || return
        jns+=("$("$GMM" fit "$data" -k "$k" --covariance "$cov" --init "$init" --tol 0 \
            --max-iter "$it" --device cpu --json)") || return
    done
    "$PY" - "$it" "${#j1s[@]}" "${j1s[@]}" "${jns[@]}" <<'PYEOF'
import json, sys
def last_object(text):          # the JSON object gmm prints (one line or pretty-printed), after any log lines
    lines = text.splitlines()
    for i in reversed(range(len(lines))):
        if lines[i].lstrip().startswith("{"):
            try:
                return json.loads("\n".join(lines[i:]))
            except ValueError:
                pass
    raise SystemExit("gmm printed no JSON object")
it, r = int(sys.argv[1]), int(sys.argv[2])
j1s = [last_object(t) for t in sys.argv[3:3 + r]]
jns = [last_object(t) for t in sys.argv[3 + r:3 + 2 * r]]
j1 = min(j1s, key=lambda j: j["seconds"])
jn = min(jns, key=lambda j: j["seconds"])
out = dict(jn)
out["tool"] = "gmm"
out["seconds_fit"] = jn["seconds"]
out["seconds_fit_1iter"] = j1["seconds"]
out["gmm_repeat"] = r
out["seconds_per_iteration_self"] = jn.get("seconds_per_iteration")
out["seconds_per_iteration"] = (jn["seconds"] - j1["seconds"]) / (it - 1)
print(json.dumps(out))
PYEOF
}

t_start=$(date +%s)
for c in "${cases[@]}"; do
    read -r name n d k cov it <<<"$c"
    if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $name "* ]]; then continue; fi
    data="$work/data-${n}x${d}-k${k}-s${seed}.npy"          # shared by the full and diag cases
    init="$work/init-${n}x${d}-k${k}-${cov}-s${seed}.json"
    "$PY" "$here/make_data.py" --n "$n" --d "$d" --k "$k" --covariance "$cov" --seed "$seed" \
        --data "$data" --init "$init"
    IFS=, read -ra tl <<<"$tools"
    for _ in $(seq "$repeat"); do          # repeats are merged by summarise.py (min of each timing)
    for t in "${tl[@]}"; do
        case "$t" in
            gmm) run_tool "$name" gmm "$it" gmm_fit "$data" "$init" "$k" "$cov" "$it" ;;
            sklearn) run_tool "$name" sklearn "$it" "$PY" "$here/sklearn_fit.py" "$data" "$init" "$it" \
                --init-params "$sklearn_init" ;;
            arma) run_tool "$name" armadillo "$it" "$arma_bin" "$data" "$init" "$it" ;;
            *) echo "run.sh: unknown tool $t (gmm, sklearn, arma)" >&2; exit 2 ;;
        esac
    done
    done
done
t_total=$(( $(date +%s) - t_start ))

profile=full; [ "$quick" = 1 ] && profile=quick; [ "$quick" = 2 ] && profile=large
[ "$quick" = 3 ] && profile=grid
"$PY" "$here/summarise.py" --raw "$raw" --out "$out" --profile "$profile" --root "$root" \
    --wall-seconds "$t_total"
