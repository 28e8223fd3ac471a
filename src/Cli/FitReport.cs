using System.Globalization;
using System.Text;
using System.Text.Json;
using GmmGpu.Covariance;
using GmmGpu.Engine;
using GmmGpu.ModelFiles;

namespace GmmGpu.Cli;

/// <summary>The outcome of a fit, written as a text summary or as one JSON object.</summary>
/// <param name="backends">The devices the passes ran on (one, or several side by side).</param>
/// <param name="data">Rows of all the data (every process) and features.</param>
/// <param name="processes">Processes of a distributed fit, 1 otherwise.</param>
internal sealed class FitReport(
    IReadOnlyList<IComputeBackend> backends,
    (long Rows, int Features) data,
    GaussianMixtureModel model,
    double score,
    double seconds,
    int totalIterations,
    TimeSpan iterationTime,
    string? modelPath,
    int processes = 1)
{
    private string Device => string.Join(",", backends.Select(backend => backend.Device switch
    {
        ComputeDevice.Cpu => "cpu",
        ComputeDevice.IlgpuCpu => "ilgpu-cpu",
        ComputeDevice.Cuda => "cuda",
        ComputeDevice.OpenCL => "opencl",
        _ => "auto",
    }));

    /// <summary>
    /// Time an EM iteration spent in MPI collectives (waiting for the slowest rank included);
    /// null for one process.
    /// </summary>
    public TimeSpan? CollectiveTimePerIteration { get; init; }

    private string DeviceName => string.Join(", ", backends.Select(backend => backend.DeviceName));

    /// <summary>Total log-likelihood terms of BIC and AIC: −2 · score · N.</summary>
    private double MinusTwoLogLikelihood => -2 * score * data.Rows;

    /// <remarks>scikit-learn: GaussianMixture.bic</remarks>
    private double Bic =>
        MinusTwoLogLikelihood + (model.Parameters.ParameterCount * Math.Log(data.Rows));

    /// <remarks>scikit-learn: GaussianMixture.aic</remarks>
    private double Aic => MinusTwoLogLikelihood + (2.0 * model.Parameters.ParameterCount);

    /// <summary>EM iterations only: initialisation and reading the data are not in it.</summary>
    private double SecondsPerIteration => iterationTime.TotalSeconds / Math.Max(1, totalIterations);

    public void WriteText(TextWriter stdout)
    {
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"device            {Device} ({DeviceName})");
        if (processes > 1)
        {
            text.AppendLine(c, $"processes         {processes}");
        }

        text.AppendLine(c, $"samples           {data.Rows}");
        text.AppendLine(c, $"features          {data.Features}");
        text.AppendLine(c, $"components        {model.Components}");
        text.AppendLine(c, $"covariance        {CovarianceModels.NameOf(model.CovarianceType)}");
        text.AppendLine(c, $"iterations        {model.Iterations}");
        text.AppendLine(c, $"converged         {(model.Converged ? "yes" : "no")}");
        text.AppendLine(c, $"lower bound       {model.LowerBound:G10}");
        text.AppendLine(c, $"score             {score:G10}");
        text.AppendLine(c, $"BIC               {Bic:G10}");
        text.AppendLine(c, $"AIC               {Aic:G10}");
        text.AppendLine(c, $"seconds           {seconds:F3}");
        text.AppendLine(c, $"seconds/iteration {SecondsPerIteration:F4}");
        if (CollectiveTimePerIteration is { } collectives)
        {
            text.AppendLine(c, $"all-reduce s/it.  {collectives.TotalSeconds:F6}");
        }

        text.AppendLine(c, $"model             {modelPath ?? "(not written; use -o MODEL.json)"}");
        stdout.Write(text.ToString());
    }

    public void WriteJson(TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("device", Device);
            json.WriteString("device_name", DeviceName);
            json.WriteNumber("n_processes", processes);
            json.WriteNumber("n_samples", data.Rows);
            json.WriteNumber("n_features", data.Features);
            json.WriteNumber("n_components", model.Components);
            json.WriteString("covariance_type", CovarianceModels.NameOf(model.CovarianceType));
            json.WriteNumber("n_iter", model.Iterations);
            json.WriteBoolean("converged", model.Converged);
            WriteNumber(json, "lower_bound", model.LowerBound);
            WriteNumber(json, "score", score);
            WriteNumber(json, "bic", Bic);
            WriteNumber(json, "aic", Aic);
            json.WriteNumber("seconds", seconds);
            json.WriteNumber("seconds_per_iteration", SecondsPerIteration);
            if (CollectiveTimePerIteration is { } collectives)
            {
                json.WriteNumber("allreduce_seconds_per_iteration", collectives.TotalSeconds);
            }

            if (modelPath is not null)
            {
                json.WriteString("model", modelPath);
            }

            json.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
