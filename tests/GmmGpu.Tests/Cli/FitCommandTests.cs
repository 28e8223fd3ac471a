using System.Text.Json;
using GmmGpu.Tests.Data;
using Xunit;

namespace GmmGpu.Tests.Cli;

public class FitCommandTests
{
    [Fact]
    public void Fit_Json_WellSeparatedBlobs_Converges()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");

        CliResult result = CliResult.Run(
            "fit", data, "-k", "3", "--seed", "1", "--device", "cpu", "--json");

        Assert.Equal(0, result.ExitCode);
        JsonElement json = result.Json();
        Assert.True(json.GetProperty("n_iter").GetInt32() >= 1);
        Assert.True(json.GetProperty("converged").GetBoolean());
        Assert.Equal(3000, json.GetProperty("n_samples").GetInt64());
        Assert.Equal(2, json.GetProperty("n_features").GetInt32());
        Assert.Equal(3, json.GetProperty("n_components").GetInt32());
        Assert.Equal("full", json.GetProperty("covariance_type").GetString());
        Assert.Equal("cpu", json.GetProperty("device").GetString());
        double score = json.GetProperty("score").GetDouble();
        Assert.Equal(json.GetProperty("lower_bound").GetDouble(), score, 1e-4);
        Assert.True(json.GetProperty("bic").GetDouble() > json.GetProperty("aic").GetDouble());
        Assert.True(json.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Fit_ZeroToleranceAndMaxIter7_RunsSevenIterationsAndWarns()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");

        CliResult result = CliResult.Run(
            "fit", data, "-k", "3", "--seed", "1", "--tol", "0", "--max-iter", "7", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(7, result.Json().GetProperty("n_iter").GetInt32());
        Assert.False(result.Json().GetProperty("converged").GetBoolean());
        Assert.StartsWith(
            "gmm: warning: EM did not converge", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Text_PrintsProgressAndSummaryAndWritesModel()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string model = files.PathOf("model.json");

        CliResult result = CliResult.Run(
            "fit", data, "-k", "3", "--covariance", "diag", "--seed", "2", "-o", model);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("iter    1  loglik", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("points/s", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("covariance        diag", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("converged         yes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"model             {model}", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(CovarianceType.Diagonal, GaussianMixtureModel.Load(model).CovarianceType);
    }

    [Fact]
    public void Fit_InitFromModel_StartsExactlyFromIt()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv");
        string first = files.PathOf("first.json"), second = files.PathOf("second.json");
        Assert.Equal(0, CliResult.Run("fit", data, "-k", "3", "--seed", "4", "-o", first, "--quiet")
            .ExitCode);
        GaussianMixtureModel start = GaussianMixtureModel.Load(first);

        CliResult result = CliResult.Run(
            "fit", data, "--init", first, "--max-iter", "1", "--tol", "0", "--json", "-o", second);

        Assert.Equal(0, result.ExitCode);
        JsonElement json = result.Json();
        Assert.Equal(1, json.GetProperty("n_iter").GetInt32());
        Assert.Equal(3, json.GetProperty("n_components").GetInt32());
        Assert.Equal(second, json.GetProperty("model").GetString());
        // One EM step from a converged start barely moves it.
        GaussianMixtureModel next = GaussianMixtureModel.Load(second);
        for (int i = 0; i < start.Means.Count; i++)
        {
            Assert.Equal(start.Means[i], next.Means[i], 1e-2);
        }

        Assert.Equal(start.LowerBound, json.GetProperty("lower_bound").GetDouble(), 1e-4);
    }

    [Fact]
    public void Fit_InitModelWithOtherK_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        string model = files.PathOf("m.json");
        Assert.Equal(0, CliResult.Run("fit", data, "-k", "3", "-o", model, "--quiet").ExitCode);

        CliResult result = CliResult.Run("fit", data, "-k", "2", "--init", model);

        AssertOneLineError(
            result, 1, "is a full model with K=3, but the command asks for full with K=2");
    }

    [Fact]
    public void Fit_InitModelWithWrongShape_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        string model = files.PathOf("m.json");
        GaussianMixtureModel.FromParameters(ModelFileTests.Spherical()).Save(model);
        File.WriteAllText(model, File.ReadAllText(model)
            .Replace("[[0,0,0],[1,1,1]]", "[[0,0],[1,1]]", StringComparison.Ordinal));

        CliResult result = CliResult.Run("fit", data, "--init", model);

        AssertOneLineError(result, 1, "means_ has shape (2, 2); expected (2, 3)");
    }

    [Fact]
    public void Fit_InitModelWithOtherFeatureCount_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        string model = files.PathOf("m.json");
        GaussianMixtureModel.FromParameters(ModelFileTests.Spherical()).Save(model);

        CliResult result = CliResult.Run("fit", data, "--init", model);

        AssertOneLineError(result, 1, "The data has 2 features but the starting parameters have 3");
    }

    [Fact]
    public void Fit_MoreComponentsThanPoints_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteText("few.csv", "1,2\n3,4\n5,6\n");

        CliResult result = CliResult.Run("fit", data, "-k", "5");

        AssertOneLineError(result, 1, "There are 3 points but 5 components");
    }

    [Fact]
    public void Fit_UnavailableDevice_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 30);

        CliResult result = CliResult.Run("fit", data, "-k", "3", "--device", "opencl");

        if (result.ExitCode != 0)
        {
            AssertOneLineError(result, 1, "OpenCL");
        }
    }

    [Theory]
    [InlineData("row 3 has 3 fields; expected 2", "x,y\n1,2\n3,4,5\n")]
    [InlineData("row 4, column \"y\": \"oops\" is not a number", "x,y\n1,2\n3,4\n5,oops\n")]
    [InlineData("row 2, column \"x\": value NaN is not finite", "x,y\nNaN,2\n3,4\n")]
    [InlineData("bad.csv is empty", "")]
    public void Fit_BadCsv_FailsWithOneLineAndNoModel(string expected, string text)
    {
        using var files = new TestFiles();
        string data = files.WriteText("bad.csv", text);
        string model = files.PathOf("m.json");

        CliResult result = CliResult.Run("fit", data, "-k", "1", "-o", model);

        AssertOneLineError(result, 1, expected);
        Assert.Empty(Directory.GetFiles(files.Folder, "*.json*"));
    }

    [Theory]
    [InlineData("<i8", "(2, 2)", false, "unsupported .npy dtype '<i8'")]
    [InlineData("<f4", "(2, 2)", true, "Fortran order")]
    [InlineData("<f4", "(9, 2)", false, "truncated")]
    public void Fit_BadNpy_FailsWithOneLine(
        string descr, string shape, bool fortran, string expected)
    {
        using var files = new TestFiles();
        string data = files.WriteNpy("bad.npy", descr, shape, new byte[32], fortran);

        CliResult result = CliResult.Run("fit", data, "-k", "1");

        AssertOneLineError(result, 1, expected);
    }

    [Fact]
    public void Fit_MissingFileOrColumn_FailsWithOneLine()
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", "x,y\n1,2\n3,4\n");

        AssertOneLineError(
            CliResult.Run("fit", files.PathOf("no.csv"), "-k", "1"), 1, "does not exist");
        AssertOneLineError(
            CliResult.Run("fit", data, "-k", "1", "--columns", "x,z"), 1, "unknown column \"z\"");
    }

    [Fact]
    public void Fit_Columns_SelectsThem()
    {
        using var files = new TestFiles();
        string data = files.WriteText("a.csv", "x;y;z\n1;2;9\n3;4;8\n5;7;1\n");

        CliResult result = CliResult.Run("fit", data, "-k", "1", "--columns", "z,0", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Json().GetProperty("n_features").GetInt32());
    }

    [Fact]
    public void Fit_OutputInMissingFolder_FailsBeforeFittingAndWritesNothing()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 30);

        CliResult result = CliResult.Run("fit", data, "-k", "3", "-o", files.PathOf("no/m.json"));

        AssertOneLineError(result, 1, "does not exist");
        Assert.False(Directory.Exists(files.PathOf("no")));
    }

    [Theory]
    [InlineData("unknown option --bogus", "fit", "d.csv", "-k", "2", "--bogus")]
    [InlineData("option --tol needs a value", "fit", "d.csv", "-k", "2", "--tol")]
    [InlineData("-k must be an integer, not \"two\"", "fit", "d.csv", "-k", "two")]
    [InlineData("-k must be ≥ 1, not 0", "fit", "d.csv", "-k", "0")]
    [InlineData("--reg-covar must be ≥ 0", "fit", "d.csv", "-k", "2", "--reg-covar", "-1")]
    [InlineData("--tol must be a finite number", "fit", "d.csv", "-k", "2", "--tol", "x")]
    [InlineData("--covariance must be one of", "fit", "d.csv", "-k", "2", "--covariance", "x")]
    [InlineData("--device must be one of", "fit", "d.csv", "-k", "2", "--device", "tpu")]
    [InlineData("--init must be one of", "fit", "d.csv", "-k", "2", "--init", "best")]
    [InlineData("fit needs -k K", "fit", "d.csv")]
    [InlineData("fit needs a DATA file", "fit", "-k", "2")]
    [InlineData("unknown command \"fist\"", "fist")]
    [InlineData("no command given")]
    public void Run_UsageError_ExitsTwoWithOneLine(string expected, params string[] args)
    {
        AssertOneLineError(CliResult.Run(args), 2, expected);
    }

    [Fact]
    public void Run_HelpAndVersion_ExitZero()
    {
        CliResult help = CliResult.Run("--help");
        CliResult fitHelp = CliResult.Run("fit", "--help");
        CliResult version = CliResult.Run("--version");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("fit <DATA>", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, fitHelp.ExitCode);
        Assert.Contains("Examples:", fitHelp.Stdout, StringComparison.Ordinal);
        Assert.Contains("--reg-covar", fitHelp.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("gmm ", version.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CancelledToken_ExitsCleanly()
    {
        using var files = new TestFiles();
        string data = files.WriteBlobs("blobs.csv", rows: 300);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = GmmGpu.Cli.Cli.Run(
            ["fit", data, "-k", "3"], stdout, stderr, new CancellationToken(canceled: true));

        Assert.Equal(130, code);
        Assert.Equal("gmm: cancelled", stderr.ToString().Trim());
    }

    private static void AssertOneLineError(CliResult result, int exitCode, string expected)
    {
        Assert.Equal(exitCode, result.ExitCode);
        string line = result.Stderr.TrimEnd('\r', '\n');
        Assert.StartsWith("gmm: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
