using GmmGpu.Cli;
using GmmGpu.Data;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>
/// Found trying the tool as a hostile user: a fit of wide data under a memory limit ran out of
/// memory inside a parallel pass and said "unexpected AggregateException"; the worker's error
/// is the error.
/// </summary>
public class ErrorReporterTests
{
    [Fact]
    public void Report_OutOfMemoryInAParallelPass_SaysOutOfMemory()
    {
        using var stderr = new StringWriter();

        int code = ErrorReporter.Report(
            new AggregateException(new OutOfMemoryException()), stderr, "see --help");

        Assert.Equal(1, code);
        Assert.Equal(
            "gmm: error: out of memory: the data is too large for this machine.",
            stderr.ToString().Trim());
    }

    [Fact]
    public void Report_BadValueInAParallelPass_GivesItsOneLine()
    {
        using var stderr = new StringWriter();

        int code = ErrorReporter.Report(
            new AggregateException(new AggregateException(
                new DataFormatException("d.csv row 3, column 2: value \"x\" is not a number."))),
            stderr,
            "see --help");

        Assert.Equal(1, code);
        Assert.Equal("gmm: error: d.csv row 3, column 2: value \"x\" is not a number.",
            stderr.ToString().Trim());
    }
}
