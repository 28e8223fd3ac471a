using GmmGpu.Backends;
using GmmGpu.Data;
using GmmGpu.Distributed;
using GmmGpu.Engine;

namespace GmmGpu.Cli;

/// <summary>
/// <c>gmm fit</c> when the data is read through a row source, a chunk at a time: computed on
/// where it lies (a mapped float32 file), streamed through a memory budget, spread over several
/// devices, or shared among the ranks of an MPI job. Rank 0 prints the
/// progress and the report and writes the model. A rank whose data fails prints its own error
/// and every rank exits 1; an error after the fit (writing the model) is rank 0's alone.
/// </summary>
internal static class StreamingFit
{
    public static int Run(
        FitArguments arguments,
        GaussianMixtureOptions options,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        if (arguments.View || arguments.ExportPath is not null)
        {
            throw new UsageException(
                "--view and --export draw the data from memory; leave out --chunk-size, "
                + "--max-device-memory, --distributed and device lists to use them");
        }

        using ICommunicator processes = arguments.Distributed
            ? MpiCommunicator.Start()
            : SingleProcessCommunicator.Instance;
        var communicator = new TimedCommunicator(processes);
        try
        {
            return Fit(arguments, options, communicator, stdout, stderr, cancellationToken);
        }
        catch (RankFailedException failure)
        {
            // Only the rank that failed says why; the others end quietly with the same code.
            if (failure.InnerException is OperationCanceledException)
            {
                stderr.WriteLine("gmm: cancelled");
                return ErrorReporter.Cancelled;
            }

            if (failure.IsLocal)
            {
                stderr.WriteLine($"gmm: error: {failure.Message.ReplaceLineEndings(" ")}");
            }

            return ErrorReporter.Failure;
        }
        catch (Exception) when (communicator.Rank != 0)
        {
            // Every rank met the same error (e.g. a collapsed component); rank 0 reports it.
            return ErrorReporter.Failure;
        }
    }

    private static int Fit(
        FitArguments arguments,
        GaussianMixtureOptions options,
        TimedCommunicator communicator,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        bool lead = communicator.Rank == 0;
        using IRowSource source = Open(communicator, () => arguments.Distributed
            ? RowSources.OpenShare(
                arguments.DataPath, arguments.Columns,
                communicator.Rank, communicator.Size, communicator)
            : RowSources.Open(arguments.DataPath, arguments.Columns));
        IReadOnlyList<IComputeBackend> backends = Open(
            communicator,
            () => arguments.DeviceList is { } list
                ? DeviceList.Create(list, options.MaxDegreeOfParallelism)
                : [ComputeBackends.Create(options.Device, options.MaxDegreeOfParallelism)]);
        try
        {
            var progress = new ProgressPrinter(
                stderr, arguments.Quiet || arguments.Json || !lead, options.NInit);
            var collectiveClock = new CollectiveClock(communicator);
            using var mixture = new GaussianMixture(options, backends, communicator);
            (GaussianMixtureModel model, TimeSpan fitTime, double score, long rows) =
                mixture.FitAndScore(
                    source, new ProgressFan(progress, collectiveClock), cancellationToken);
            double seconds = fitTime.TotalSeconds;
            if (!lead)
            {
                return 0;
            }

            if (arguments.OutputPath is not null)
            {
                model.Save(arguments.OutputPath);
            }

            var report = new FitReport(
                backends, (rows, source.Columns), model, score, seconds,
                progress.TotalIterations, progress.IterationTime, arguments.OutputPath,
                communicator.Size)
            {
                CollectiveTimePerIteration = communicator.Size > 1
                    ? collectiveClock.PerIteration
                    : null,
            };
            return FitCommand.Report(report, model, options, arguments, stdout, stderr);
        }
        finally
        {
            foreach (IComputeBackend backend in backends)
            {
                backend.Dispose();
            }
        }
    }

    /// <summary>
    /// Opens a resource (or a list of them) on every rank at once; when any rank fails, what
    /// this rank opened is disposed before the failure is thrown.
    /// </summary>
    private static T Open<T>(ICommunicator communicator, Func<T> open)
        where T : class
    {
        T? opened = null;
        try
        {
            Agreement.Run(communicator, () => { opened = open(); });
            return opened!;
        }
        catch
        {
            IEnumerable<IDisposable> resources = opened switch
            {
                IEnumerable<IDisposable> several => several,
                IDisposable one => [one],
                _ => [],
            };
            foreach (IDisposable resource in resources)
            {
                resource.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// The time spent in collectives from one iteration's report to the next: the all-reduce
    /// of the statistics and the agreement that no rank failed, waiting included.
    /// </summary>
    private sealed class CollectiveClock(TimedCommunicator communicator)
        : IProgress<IterationSnapshot>
    {
        private TimeSpan first;
        private TimeSpan last;
        private int reports;

        public TimeSpan PerIteration => reports < 2
            ? TimeSpan.Zero
            : (last - first) / (reports - 1);

        public void Report(IterationSnapshot value)
        {
            last = communicator.Elapsed;
            if (reports++ == 0)
            {
                first = last;
            }
        }
    }
}
