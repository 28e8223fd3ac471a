using GmmGpu.Backends.Ilgpu;
using GmmGpu.Distributed;
using GmmGpu.Tests.Data;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>--device names a backend that is missing or is spelt wrong; a wrong MPI library.
/// </summary>
public class DeviceChoiceTests
{
    [Fact]
    public void Bench_NamedDevice_TimesItOrFailsWithOneLine()
    {
        CliResult result = CliResult.Run(
            "bench", "--device", "cuda", "--n", "1000", "--iterations", "1", "--json");

        if (IlgpuBackend.Count(ComputeDevice.Cuda) > 0)
        {
            ToolCommandTests.Ok(result);
            Assert.Single(result.Json().GetProperty("backends").EnumerateArray());
            return;
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("gmm: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("cpu:1")]
    [InlineData("cuda:x")]
    [InlineData("gpu,cpu")]
    public void Fit_BadDeviceList_IsAUsageError(string device)
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 30);

        CliResult result = CliResult.Run("fit", data, "-k", "2", "--device", device, "--quiet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--device", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Mpi_LibraryWithoutMpi_SaysWhichLibraryAndWhatWasExpected()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => MpiNative.Load(["libc.so.6"]));

        Assert.Contains("libc.so.6", error.Message, StringComparison.Ordinal);
        Assert.Contains("MPI_Init_thread", error.Message, StringComparison.Ordinal);
        Assert.Contains("libmpich.so.12", error.Message, StringComparison.Ordinal);
    }
}
