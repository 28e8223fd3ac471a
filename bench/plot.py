"""Draws bench/time-per-iteration.png from bench/results/plot-data.csv.

Run from the repository root with Debian's matplotlib (apt-get install -y python3-matplotlib):

    /usr/bin/python3 bench/plot.py
"""
import csv
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(__file__))
series = {}
with open(os.path.join(ROOT, "results", "plot-data.csv")) as f:
    for row in csv.DictReader(line for line in f if not line.startswith("#")):
        series.setdefault(row["series"], []).append((int(row["n"]), float(row["seconds"])))

fig, ax = plt.subplots(figsize=(8, 5), dpi=120)
for name, points in series.items():
    points.sort()
    style = "-o" if name.startswith("gmm") else "--s"
    ax.plot([p[0] for p in points], [p[1] * 1e3 for p in points], style, label=name)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("points N (2-D, full covariances, K = 4 for gmm, 5 for the peers)")
ax.set_ylabel("ms per EM iteration")
ax.set_title("GmmGpu: time per EM iteration against N")
ax.grid(True, which="both", alpha=0.3)
ax.legend()
fig.tight_layout()
fig.savefig(os.path.join(ROOT, "time-per-iteration.png"))
print("wrote bench/time-per-iteration.png")
