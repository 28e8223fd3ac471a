#!/usr/bin/env python3
"""Turns run.sh's raw JSON lines into the Markdown table (stdout + PREFIX.md) and PREFIX.json."""
import argparse
import datetime
import json
import os
import platform
import subprocess

TOOL_ORDER = {"gmm": 0, "sklearn": 1, "armadillo": 2}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_rev(root):
    try:
        return subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except Exception:
        return "unknown"


def fmt_s(x):
    if x is None:
        return "n/a"
    if x >= 1:
        return f"{x:.3f}"
    if x >= 1e-3:
        return f"{x * 1e3:.2f} ms"
    return f"{x * 1e6:.1f} µs"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--out", required=True, help="output prefix: writes PREFIX.md and PREFIX.json")
    ap.add_argument("--profile", default="full")
    ap.add_argument("--root", default=".")
    ap.add_argument("--wall-seconds", type=float, default=None)
    a = ap.parse_args()

    recs = [json.loads(line) for line in open(a.raw) if line.strip()]
    merged = {}
    for r in recs:                                   # --repeat: min of t(ITER) and of t(1) separately
        key = (r["case"], r["tool"])
        m = merged.get(key)
        if m is None or "error" in m:
            merged[key] = dict(r, repeats=1)
            continue
        m["repeats"] += 1
        if "error" in r:
            continue
        m["seconds_fit"] = min(m["seconds_fit"], r["seconds_fit"])
        m["seconds_fit_1iter"] = min(m["seconds_fit_1iter"], r["seconds_fit_1iter"])
        m["seconds_per_iteration"] = (m["seconds_fit"] - m["seconds_fit_1iter"]) / (m["iter"] - 1)
    cases = []
    for r in recs:
        if r["case"] not in cases:
            cases.append(r["case"])

    rows = []
    for c in cases:
        by_tool = {t: r for (cc, t), r in merged.items() if cc == c}
        g = by_tool.get("gmm")
        g_ok = g is not None and "error" not in g
        sk = by_tool.get("sklearn")
        sk_ok = sk is not None and "error" not in sk
        for tool in sorted(by_tool, key=lambda t: TOOL_ORDER.get(t, 9)):
            r = by_tool[tool]
            row = {"case": c, "tool": tool, "iter": r["iter"], "repeats": r["repeats"]}
            if "error" in r:
                row["error"] = r["error"]
                rows.append(row)
                continue
            spi = r["seconds_per_iteration"]
            ll = r["score"]
            row.update(seconds_per_iteration=spi, score=ll)
            if g_ok:
                row["ratio_to_gmm"] = spi / g["seconds_per_iteration"] if g["seconds_per_iteration"] > 0 else None
                row["abs_delta_ll_vs_gmm"] = abs(ll - g["score"])
                row["rel_delta_ll_vs_gmm"] = abs(ll - g["score"]) / abs(g["score"])
            if sk_ok:
                row["abs_delta_ll_vs_sklearn"] = abs(ll - sk["score"])
                row["rel_delta_ll_vs_sklearn"] = abs(ll - sk["score"]) / abs(sk["score"])
            rows.append(row)

    machine = {
        "cpu": cpu_model(),
        "logical_cpus": os.cpu_count(),
        "kernel": platform.release(),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "git": git_rev(a.root),
        "profile": a.profile,
        "wall_seconds": a.wall_seconds,
    }

    lines = [
        f"# bench/peers — {a.profile} profile",
        "",
        f"{machine['cpu']}, {machine['logical_cpus']} logical CPUs, {machine['date']}, git {machine['git']}"
        + (f", total wall {a.wall_seconds:.0f} s" if a.wall_seconds is not None else ""),
        "",
        "| case | tool | iters | s / iteration | ratio to gmm | final mean log-likelihood | abs Δ vs gmm | abs Δ vs sklearn |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if "error" in r:
            err = r["error"].replace("|", "/")
            if len(err) > 120:
                err = err[:117] + "..."
            lines.append(f"| {r['case']} | {r['tool']} | {r['iter']} | failed: {err} | | | | |")
            continue
        ratio = f"{r['ratio_to_gmm']:.2f}×" if r.get("ratio_to_gmm") is not None else "n/a"
        dg = f"{r['abs_delta_ll_vs_gmm']:.2e}" if "abs_delta_ll_vs_gmm" in r else "n/a"
        ds = f"{r['abs_delta_ll_vs_sklearn']:.2e}" if "abs_delta_ll_vs_sklearn" in r else "n/a"
        lines.append(f"| {r['case']} | {r['tool']} | {r['iter']} | {fmt_s(r['seconds_per_iteration'])} | {ratio} "
                     f"| {r['score']:.10f} | {dg} | {ds} |")
    lines += [
        "",
        "s / iteration = (t(ITER iterations) − t(1 iteration)) / (ITER − 1), from each tool's own timer around "
        "its fit (data loading excluded). ratio to gmm = peer s/iteration ÷ gmm s/iteration (> 1: gmm is faster). "
        "Final mean log-likelihood = mean per-sample log-likelihood of the final model on the data "
        "(sklearn `score`, Armadillo `avg_log_p`, gmm `score`). Armadillo uses a variance floor instead of "
        "sklearn's/gmm's reg_covar, so a gap of order 1e-7 relative is expected there.",
        "",
    ]
    md = "\n".join(lines)
    print(md)
    with open(a.out + ".md", "w") as f:
        f.write(md)
    with open(a.out + ".json", "w") as f:
        json.dump({"machine": machine, "rows": rows, "raw": recs}, f, indent=1)


if __name__ == "__main__":
    main()
