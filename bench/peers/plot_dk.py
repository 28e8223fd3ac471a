"""Draws bench/peers/time-vs-d-and-k.png from bench/peers/results-grid.json.

The grid comes from `bench/peers/run.sh --grid` (50k points; full covariances with K = 16 over
D = 2..64, diagonal ones with D = 32 over K = 4..256): seconds per EM iteration of each tool,
same data and start. Run from the repository root with Debian's matplotlib:

    /usr/bin/python3 bench/peers/plot_dk.py [RESULTS.json [OUT.png]]
"""
import json
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "results-grid.json")
target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "time-vs-d-and-k.png")
with open(source) as f:
    results = json.load(f)

# Case names: NkxD-KK-covariance, e.g. 50kx32-K256-diag.
CASE = re.compile(r"^(\d+k)x(\d+)-K(\d+)-(full|diag)$")
by_d, by_k = {}, {}
for row in results["rows"]:
    match = CASE.match(row["case"])
    if not match or "seconds_per_iteration" not in row:
        continue
    n, d, k, covariance = match.group(1), int(match.group(2)), int(match.group(3)), match.group(4)
    seconds = row["seconds_per_iteration"]
    if covariance == "full":
        by_d.setdefault(row["tool"], []).append((d, seconds))
    else:
        by_k.setdefault(row["tool"], []).append((k, seconds))
if not by_d and not by_k:
    raise SystemExit(f"plot_dk: no grid cases in {source}; run bench/peers/run.sh --grid first")

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5), dpi=120)
for axis, series, label, title in (
    (left, by_d, "dimensions D", "full covariances, K = 16"),
    (right, by_k, "components K", "diagonal covariances, D = 32"),
):
    for tool, points in sorted(series.items()):
        points.sort()
        style = "-o" if tool == "gmm" else "--s"
        axis.plot([p[0] for p in points], [p[1] * 1e3 for p in points], style, label=tool)
    axis.set_xscale("log", base=2)
    axis.set_yscale("log")
    axis.set_xlabel(label)
    axis.set_ylabel("ms per EM iteration")
    axis.set_title(title)
    axis.grid(True, which="both", alpha=0.3)
    axis.legend()
machine = results.get("machine", {})
fig.suptitle(
    f"Time per EM iteration, 50k points: gmm cpu against scikit-learn and Armadillo "
    f"({machine.get('cpu', '?')}, {machine.get('logical_cpus', '?')} CPUs)")
fig.tight_layout()
fig.savefig(target)
print(f"wrote {os.path.relpath(target)}")
