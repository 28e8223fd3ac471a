#!/usr/bin/env python3
"""scikit-learn GaussianMixture from a shared start: sklearn_fit.py DATA.npy INIT.json ITER

Fits GaussianMixture(covariance_type from INIT.json, tol=0, max_iter=ITER, reg_covar=1e-6,
weights_init/means_init/precisions_init=inv(cov) from INIT.json), twice: once with ITER iterations
and once with 1, and prints one JSON object:
  seconds_per_iteration = (t(ITER) - t(1)) / (ITER - 1)   (cancels input validation and the
                          discarded initial responsibilities sklearn always computes)
  score                 = gm.score(X), the final mean log-likelihood per sample
  lower_bound           = gm.lower_bound_ (mean log-likelihood at the last E-step)
plus the raw timings and the BLAS/OpenMP thread pools seen by threadpoolctl (if installed).
The OPENBLAS/OMP environment is left as it is.
"""
import argparse
import json
import sys
import time
import warnings

import numpy as np


def load_init(path):
    with open(path) as f:
        m = json.load(f)
    if m.get("format") != "gmmgpu-model":
        raise SystemExit(f"{path}: not a gmmgpu-model file")
    cov_type = m["covariance_type"]
    weights = np.asarray(m["weights_"], dtype=np.float64)
    means = np.asarray(m["means_"], dtype=np.float64)
    covs = np.asarray(m["covariances_"], dtype=np.float64)
    if cov_type == "full":
        precisions = np.linalg.inv(covs)
        precisions = 0.5 * (precisions + np.swapaxes(precisions, 1, 2))
    elif cov_type == "diag":
        precisions = 1.0 / covs
    else:
        raise SystemExit(f"covariance_type {cov_type!r} not supported here")
    return cov_type, weights / weights.sum(), means, precisions


def thread_info():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return [{k: p.get(k) for k in ("user_api", "internal_api", "num_threads", "version")}
            for p in threadpool_info()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("init")
    ap.add_argument("iter", type=int)
    ap.add_argument("--dtype", choices=["float64", "float32"], default="float64",
                    help="dtype handed to sklearn (default float64: sklearn's reference precision; "
                         "the float32 file values are exact in float64)")
    ap.add_argument("--init-params", default="kmeans",
                    help="sklearn init_params; the responsibilities it yields are discarded because all of "
                         "weights/means/precisions are given (default kmeans, sklearn's default)")
    ap.add_argument("--reg-covar", type=float, default=1e-6)
    a = ap.parse_args()
    if a.iter < 2:
        raise SystemExit("ITER must be >= 2 (the per-iteration time is (t(ITER) - t(1)) / (ITER - 1))")

    import sklearn
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.mixture import GaussianMixture
    warnings.simplefilter("ignore", ConvergenceWarning)

    x = np.load(a.data).astype(a.dtype, copy=False)
    x = np.ascontiguousarray(x)
    cov_type, weights, means, precisions = load_init(a.init)
    k = len(weights)

    def fit(iters):
        gm = GaussianMixture(n_components=k, covariance_type=cov_type, tol=0.0, reg_covar=a.reg_covar,
                             max_iter=iters, n_init=1, init_params=a.init_params, random_state=0,
                             weights_init=weights, means_init=means, precisions_init=precisions)
        t0 = time.perf_counter()
        gm.fit(x)
        return gm, time.perf_counter() - t0

    gm1, t1 = fit(1)
    gm, tn = fit(a.iter)
    t_score = time.perf_counter()
    score = float(gm.score(x))
    t_score = time.perf_counter() - t_score

    out = {
        "tool": "sklearn",
        "version": sklearn.__version__,
        "dtype": a.dtype,
        "init_params": a.init_params,
        "reg_covar": a.reg_covar,
        "n_samples": int(x.shape[0]),
        "n_features": int(x.shape[1]),
        "n_components": k,
        "covariance_type": cov_type,
        "n_iter": int(gm.n_iter_),
        "converged": bool(gm.converged_),
        "seconds_fit": tn,
        "seconds_fit_1iter": t1,
        "seconds_per_iteration": (tn - t1) / (a.iter - 1),
        "seconds_score": t_score,
        "score": score,
        "lower_bound": float(gm.lower_bound_),
        "threadpools": thread_info(),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
