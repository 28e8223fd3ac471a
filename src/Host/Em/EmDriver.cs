using System.Diagnostics;
using GmmGpu.Covariance;
using GmmGpu.Engine;
using GmmGpu.Initialisation;
using GmmGpu.Passes;

namespace GmmGpu.Em;

/// <summary>
/// The EM loop, as scikit-learn's BaseMixture.fit: n_init starts, the stop rule, the best start
/// by lower bound. It never sees a matrix: each iteration is one fused pass on the backend
/// (E-step + statistics) and an M-step on the host.
/// </summary>
internal sealed class EmDriver
{
    /// <summary>The original project's AIC rule: an improvement below this ...</summary>
    private const double AicImprovement = 0.1;

    /// <summary>... for this many iterations in a row stops the fit.</summary>
    private const int AicPatience = 3;

    /// <summary>
    /// The large-object garbage of an iteration from which EM asks for a full collection
    /// (<see cref="CollectLargeGarbage"/>).
    /// </summary>
    private const long LargeGarbageBytes = 32L << 20;

    private readonly DataPasses data;
    private readonly GaussianMixtureOptions options;

    public EmDriver(DataPasses data, GaussianMixtureOptions options)
    {
        this.data = data;
        this.options = options;
    }

    public FitResult Fit(
        MixtureParameters? warmStart,
        IProgress<IterationSnapshot>? progress,
        CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed ?? Random.Shared.Next());
        MixtureParameters? fixedStart = warmStart ?? options.InitialParameters;
        int starts = fixedStart is null ? options.NInit : 1;
        FitResult? best = null;
        for (int start = 0; start < starts; start++)
        {
            MixtureParameters initial = fixedStart
                ?? Initializer.Create(options, data, random, cancellationToken);
            FitResult result = Run(initial, start, progress, cancellationToken);
            if (best is null || result.LowerBound > best.LowerBound)
            {
                best = result;
            }
        }

        return best!;
    }

    private FitResult Run(
        MixtureParameters initial,
        int start,
        IProgress<IterationSnapshot>? progress,
        CancellationToken cancellationToken)
    {
        long n = data.Rows;

        // The initialisation's sums and sharp model go before this run allocates its own.
        long largeBytes = LargeArrayBytes(initial);
        CollectLargeGarbage(largeBytes);
        var statistics = new SufficientStatistics(
            initial.Components, initial.Dimensions,
            CovarianceModels.For(initial.CovarianceType).Form);
        int p = initial.ParameterCount;
        MixtureParameters parameters = initial;
        var history = new List<IterationRecord>();
        double lowerBound = double.NegativeInfinity, previousAic = double.PositiveInfinity;
        int stalled = 0;
        bool converged = false;
        var total = Stopwatch.StartNew();
        var iteration = new Stopwatch();
        for (int step = 1; step <= options.MaxIterations; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration.Restart();
            KernelModel model = MixtureKernelModel.Build(parameters);
            CovarianceType covarianceType = parameters.CovarianceType;

            // From here on the iteration needs only the kernel model: the previous parameters
            // (2·K·D² doubles: covariances and their factors) go before the M-step allocates
            // the next ones, which at large D lowers the peak by as much.
            parameters = null!;
            initial = null!;
            CollectLargeGarbage(largeBytes);
            data.Accumulate(model, statistics, cancellationToken);
            MixtureParameters next = MaximizationStep.Estimate(
                statistics, model, covarianceType, options.RegCovar);

            double logLikelihood = statistics.LogLikelihood / n;
            double change = logLikelihood - lowerBound;
            lowerBound = logLikelihood;
            double aic = (-2 * logLikelihood * n) + (2.0 * p);
            double bic = (-2 * logLikelihood * n) + (p * Math.Log(n));
            var record = new IterationRecord(step, logLikelihood, change, aic, bic, iteration.Elapsed);
            history.Add(record);
            parameters = next;
            progress?.Report(new IterationSnapshot(record, parameters, start, total.Elapsed, n));

            if (options.StopRule == StopRule.LogLikelihood)
            {
                converged = Math.Abs(change) < options.Tolerance;
            }
            else
            {
                stalled = previousAic - aic < AicImprovement ? stalled + 1 : 0;
                previousAic = aic;
                converged = stalled >= AicPatience;
            }

            if (converged)
            {
                break;
            }
        }

        // The last kernel model and the sums go before the caller scores the data.
        CollectLargeGarbage(largeBytes);
        return new FitResult(parameters, converged, history.Count, lowerBound, history);
    }

    /// <summary>
    /// The bytes of the large arrays one iteration leaves behind: the parameters' covariances
    /// and factors (float64) and the kernel model built from them (factors in float32).
    /// </summary>
    private static long LargeArrayBytes(MixtureParameters parameters)
    {
        long doubles = (long)parameters.CovariancesArray.Length
            + parameters.PrecisionsCholeskyArray.Length;
        return (doubles * sizeof(double))
            + (parameters.PrecisionsCholeskyArray.Length * sizeof(float));
    }

    /// <summary>
    /// Collects K·D² arrays no longer used (the previous iteration's parameters and kernel
    /// model, before the pass and the M-step allocate again) when they are large. At large D
    /// the GC's large-object budget let several iterations of them pile up: 50 × 2000 data,
    /// K = 2 full, peaked at 925 MB for a working set under 300 MB. A full, non-compacting
    /// collection costs milliseconds against an M-step of O(K·D³).
    /// </summary>
    private static void CollectLargeGarbage(long largeBytes)
    {
        if (largeBytes >= LargeGarbageBytes)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
    }
}
