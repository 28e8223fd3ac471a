#!/usr/bin/env python3
"""Synthetic benchmark data plus a shared starting model.

Writes
  DATA.npy   float32, C order, N x D points drawn from a K-component Gaussian mixture
             (random rotations, unequal axis scales, unequal weights; fully determined by --seed)
  INIT.json  the starting parameters in GmmGpu's model format ("gmmgpu-model", version 1):
             K means chosen k-means++-style among the data rows (D^2 sampling on a subsample),
             the data covariance (full) or variances (diag) for every component, equal weights.

Every tool in bench/peers starts from INIT.json, so the runs are comparable iteration for iteration.
"""
import argparse
import json
import os
import sys

import numpy as np


def mixture(n, d, k, rng):
    """Sample n points from a random K-component mixture in D dimensions (float64)."""
    spread = 4.0 * k ** (1.0 / d) + 4.0             # keeps components apart but overlapping a bit
    centres = rng.uniform(-spread, spread, size=(k, d))
    weights = rng.dirichlet(np.full(k, 4.0))          # unequal but no tiny component
    factors = []
    for _ in range(k):
        q, r = np.linalg.qr(rng.standard_normal((d, d)))
        q *= np.sign(np.diag(r))                      # a proper random orthogonal matrix
        scales = rng.uniform(0.3, 2.0, size=d)        # unequal axis lengths
        factors.append(q * scales)                    # cov = q diag(s^2) q^T, sample = factor @ z
    counts = rng.multinomial(n, weights)
    x = np.empty((n, d), dtype=np.float32)
    start = 0
    for c in range(k):
        m = counts[c]
        if m:
            z = rng.standard_normal((m, d))
            x[start:start + m] = (z @ factors[c].T + centres[c]).astype(np.float32)
        start += m
    rng.shuffle(x)                                    # shuffles rows in place
    return x


def kmeanspp_rows(x, k, rng, sample=20000):
    """Indices of K distinct rows of x picked by k-means++ D^2 sampling on a random subsample."""
    n = x.shape[0]
    pool = rng.choice(n, size=min(n, sample), replace=False)
    xs = x[pool].astype(np.float64)
    chosen = [int(rng.integers(len(pool)))]
    d2 = ((xs - xs[chosen[0]]) ** 2).sum(axis=1)
    while len(chosen) < k:
        p = d2.copy()
        p[chosen] = 0.0
        if p.sum() <= 0:                              # degenerate data: fall back to uniform
            p = np.ones(len(pool)); p[chosen] = 0.0
        nxt = int(rng.choice(len(pool), p=p / p.sum()))
        chosen.append(nxt)
        d2 = np.minimum(d2, ((xs - xs[nxt]) ** 2).sum(axis=1))
    return pool[chosen]


def init_model(x, k, cov_type, rng):
    n, d = x.shape
    rows = kmeanspp_rows(x, k, rng)
    means = x[rows].astype(np.float64)                # exact float32 values
    xd = x.astype(np.float64)
    mu = xd.mean(axis=0)
    if cov_type == "full":
        xc = xd - mu
        cov = (xc.T @ xc) / n                         # population covariance of the data
        cov = 0.5 * (cov + cov.T)
        lower = np.linalg.cholesky(cov)
        # sklearn's precisions_cholesky_: inverse-transpose of the lower Cholesky factor (upper-triangular)
        prec_chol = np.linalg.solve(lower, np.eye(d)).T
        prec_chol = np.triu(prec_chol)
        covs = [cov.tolist()] * k
        pcs = [prec_chol.tolist()] * k
    else:
        var = xd.var(axis=0)
        covs = [var.tolist()] * k
        pcs = [(1.0 / np.sqrt(var)).tolist()] * k
    return {
        "format": "gmmgpu-model",
        "version": 1,
        "covariance_type": cov_type,
        "n_components": k,
        "n_features": d,
        "weights_": [1.0 / k] * k,
        "means_": means.tolist(),
        "covariances_": covs,
        "precisions_cholesky_": pcs,
        "converged_": False,
        "n_iter_": 0,
        "lower_bound_": None,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--d", type=int, required=True)
    ap.add_argument("--k", type=int, required=True, help="components of the generating mixture and of the start model")
    ap.add_argument("--covariance", choices=["full", "diag"], default="full")
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--data", required=True, help="output .npy path")
    ap.add_argument("--init", required=True, help="output model JSON path")
    ap.add_argument("--force", action="store_true", help="rewrite DATA.npy even if it exists")
    a = ap.parse_args()

    x = None
    if os.path.exists(a.data) and not a.force:
        x = np.load(a.data, mmap_mode="r")
        if x.shape != (a.n, a.d) or x.dtype != np.float32:
            x = None
    if x is None:
        x = mixture(a.n, a.d, a.k, np.random.default_rng(a.seed))
        tmp = a.data + ".tmp.npy"
        np.save(tmp, np.ascontiguousarray(x, dtype=np.float32))
        os.replace(tmp, a.data)
        print(f"make_data: wrote {a.data} ({a.n} x {a.d} float32)", file=sys.stderr)
    model = init_model(np.asarray(x), a.k, a.covariance, np.random.default_rng(a.seed + 1))
    with open(a.init, "w") as f:
        json.dump(model, f)
    print(f"make_data: wrote {a.init} ({a.covariance}, K={a.k})", file=sys.stderr)


if __name__ == "__main__":
    main()
