using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GmmGpu;
using GmmGpu.Backends;
using GmmGpu.Benchmarks;

// GmmGpu's benchmarks (BenchmarkDotNet, in process: runs from a self-contained publish too).
//   dotnet run -c Release --project bench/GmmGpu.Benchmarks -- [--quick] [--short]
//       [--devices cpu,ilgpu-cpu,cuda,opencl] [BenchmarkDotNet options, e.g. --filter '*EmIteration*']
// --quick: a small sweep with short runs (minutes on 2 cores); --short: the full sweep, short
// runs; --plot: EM iterations for N = 1e4..1e7 at D = 2, K = 4 (bench/README's plot), short runs.
// Without --devices: every backend that can be created here. Results: BenchmarkDotNet.Artifacts/.
var rest = new List<string>();
bool shortRuns = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--quick")
    {
        BenchSettings.Quick = true;
        shortRuns = true;
    }
    else if (args[i] == "--plot")
    {
        BenchSettings.Plot = true;
        shortRuns = true;
    }
    else if (args[i] == "--short")
    {
        shortRuns = true;
    }
    else if (args[i] == "--devices" && i + 1 < args.Length)
    {
        BenchSettings.Devices = args[++i].Split(',').Select(ParseDevice).ToArray();
    }
    else
    {
        rest.Add(args[i]);
    }
}

if (BenchSettings.Devices.Count == 0)
{
    BenchSettings.Devices = Available().ToArray();
}

Console.WriteLine($"GmmGpu benchmarks: {(BenchSettings.Quick ? "quick" : "full")} profile on "
    + string.Join(", ", BenchSettings.Devices.Select(BenchCase.Name)));

Job job = (shortRuns ? Job.ShortRun.WithIterationCount(5) : Job.Default)
    .WithToolchain(InProcessEmitToolchain.Instance);
IConfig config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub, JsonExporter.Brief)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithMaxParameterColumnWidth(40));
BenchmarkSwitcher.FromAssembly(typeof(BenchCase).Assembly).Run(rest.ToArray(), config);
return 0;

static ComputeDevice ParseDevice(string name) => name switch
{
    "cpu" => ComputeDevice.Cpu,
    "ilgpu-cpu" => ComputeDevice.IlgpuCpu,
    "cuda" => ComputeDevice.Cuda,
    "opencl" => ComputeDevice.OpenCL,
    _ => throw new ArgumentException($"Unknown device '{name}': use cpu, ilgpu-cpu, cuda, opencl."),
};

static IEnumerable<ComputeDevice> Available()
{
    foreach (ComputeDevice device in new[]
        { ComputeDevice.Cpu, ComputeDevice.IlgpuCpu, ComputeDevice.Cuda, ComputeDevice.OpenCL })
    {
        IDisposable? backend = null;
        try
        {
            backend = ComputeBackends.Create(device);
        }
        catch (InvalidOperationException)
        {
            continue;
        }
        finally
        {
            backend?.Dispose();
        }

        yield return device;
    }
}
