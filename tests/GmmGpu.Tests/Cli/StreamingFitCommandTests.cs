using GmmGpu.Tests.Data;
using GmmGpu.Tests.Distributed;
using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Cli;

/// <summary>gmm fit --chunk-size / --max-device-memory / device lists.</summary>
public class StreamingFitCommandTests
{
    private static readonly string[] Fit =
    [
        "-k", "3", "--seed", "1", "--tol", "0", "--max-iter", "10", "--json", "--quiet",
    ];

    [Theory]
    [InlineData("blobs.npy")]
    [InlineData("blobs.csv")]
    public void Fit_ThroughABudgetFarSmallerThanTheData_GivesTheInMemoryFit(string name)
    {
        using var files = new TestFiles();
        string data = DistributedFitTests.WriteBlobs(files, name);

        CliResult inMemory = CliResult.Run(["fit", data, "--device", "cpu", .. Fit]);
        // 9000 rows × 8 bytes = 72 KB; 16 KiB holds two chunks of 1024 rows.
        CliResult streamed = CliResult.Run(
            ["fit", data, "--device", "cpu", "--max-device-memory", "16K", .. Fit]);

        Assert.True(streamed.ExitCode == 0, streamed.Stderr);
        NumericAssert.Close(
            inMemory.Json().GetProperty("lower_bound").GetDouble(),
            streamed.Json().GetProperty("lower_bound").GetDouble(), 1e-9, 0, "lower bound");
    }

    [Fact]
    public void Fit_OnTwoDevicesSideBySide_ReportsBoth()
    {
        using var files = new TestFiles();
        string data = DistributedFitTests.WriteBlobs(files, "blobs.npy");

        CliResult result = CliResult.Run(["fit", data, "--device", "cpu,ilgpu-cpu", .. Fit]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("cpu,ilgpu-cpu", result.Json().GetProperty("device").GetString());
    }

    [Theory]
    [InlineData("--device", "cpu,tpu", "unknown device \"tpu\"")]
    [InlineData("--device", "cpu:1", "only cuda and opencl take :N or :all")]
    [InlineData("--max-device-memory", "lots", "--max-device-memory must be a size")]
    [InlineData("--chunk-size", "0", "--chunk-size must be ≥ 1")]
    [InlineData("--distributed", "pvm", "--distributed takes mpi")]
    public void Fit_BadScalingOption_IsOneClearLine(string option, string value, string message)
    {
        using var files = new TestFiles();
        string data = DistributedFitTests.WriteBlobs(files, "blobs.npy");

        CliResult result = CliResult.Run(["fit", data, option, value, .. Fit]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Fit_ViewWithStreaming_IsAUsageError()
    {
        using var files = new TestFiles();
        string data = DistributedFitTests.WriteBlobs(files, "blobs.npy");

        CliResult result = CliResult.Run(["fit", data, "--chunk-size", "1000", "--view", .. Fit]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--view and --export draw the data from memory", result.Stderr);
    }
}
