using System.Diagnostics;
using GmmGpu;
using GmmGpu.Backends.Ilgpu;
using GmmGpu.Bench.Gpu;
using GmmGpu.Engine;
using GmmGpu.TestData;

// GPU smoke benchmark: times IlgpuBackend.Accumulate (the fused E-step) on a few shapes and
// checks its log-likelihood against a float64 scalar reference and the ilgpu-cpu backend.
//   GmmGpu.Bench.Gpu [--device cuda|opencl|ilgpu-cpu] [--small] [--reps N] [--sweep] [--targets]
// --sweep also times every case under 16 launch shapes (group size × groups per SM).
// --targets measures the rows of issue 15's target table instead (TargetTable).
ComputeDevice device = ComputeDevice.Cuda;
bool small = false;
bool sweep = false;
bool targets = false;
int reps = 20;
for (int a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--device":
            device = args[++a] switch
            {
                "cuda" => ComputeDevice.Cuda,
                "opencl" => ComputeDevice.OpenCL,
                "ilgpu-cpu" => ComputeDevice.IlgpuCpu,
                string other => throw new ArgumentException($"Unknown device '{other}'."),
            };
            break;
        case "--small":
            small = true;
            break;
        case "--sweep":
            sweep = true;
            break;
        case "--targets":
            targets = true;
            break;
        case "--reps":
            reps = int.Parse(args[++a], System.Globalization.CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine(
                $"Unknown argument '{args[a]}'. Use --device cuda|opencl|ilgpu-cpu, "
                + "--small, --reps N, --sweep, --targets.");
            return 2;
    }
}

(long Rows, int D, int K, PrecisionForm Form)[] cases = small
    ? [(1_000_000, 2, 5, PrecisionForm.Triangular), (100_000, 8, 8, PrecisionForm.Triangular),
        (100_000, 16, 16, PrecisionForm.Diagonal)]
    : [(1_000_000, 2, 5, PrecisionForm.Triangular), (10_000_000, 2, 5, PrecisionForm.Triangular),
        (1_000_000, 32, 32, PrecisionForm.Triangular), (1_000_000, 64, 64, PrecisionForm.Diagonal)];
const int CheckRows = 100_000;

var clock = Stopwatch.StartNew();
IlgpuBackend created;
try
{
    created = IlgpuBackend.Create(device);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"smoke: no device: {e.Message}");
    return 3;
}

using IlgpuBackend backend = created;
Console.WriteLine($"device: {device} '{backend.DeviceName}', "
    + $"{backend.MemoryBytes / (1 << 20)} MiB, created in {clock.ElapsedMilliseconds} ms");
if (targets)
{
    bool met = GmmGpu.Bench.Gpu.TargetTable.Run(backend, device, reps, small);
    Console.WriteLine(met ? "targets: OK (every check passed)" : "targets: FAIL (a check failed)");
    return met ? 0 : 1;
}

using IlgpuBackend? cpu = device == ComputeDevice.IlgpuCpu
    ? null
    : IlgpuBackend.Create(ComputeDevice.IlgpuCpu);
bool ok = true;
foreach ((long rows, int d, int k, PrecisionForm form) in cases)
{
    KernelModel model = SeededMixture.Model(42, k, d, form);
    float[] data = SeededMixture.Points(7, model, rows);
    string shape = $"{rows}x{d} K={k} {form}";

    // Check on the first CheckRows points: device vs float64 reference (and ilgpu-cpu).
    int checkRows = (int)Math.Min(rows, CheckRows);
    (double expected, double magnitude) =
        LogLikelihoodReference.Compute(model, data, checkRows);
    double actual = LogLikelihood(backend, model, data, checkRows);
    double error = Math.Abs(actual - expected) / magnitude;
    string cpuNote = "";
    if (cpu is not null)
    {
        double cpuValue = LogLikelihood(cpu, model, data, checkRows);
        cpuNote = $", ilgpu-cpu {cpuValue:R} (rel {Math.Abs(cpuValue - actual) / magnitude:G2})";
    }

    bool pass = error <= 1e-5;
    ok &= pass;
    Console.WriteLine($"{shape}: check {checkRows} pts: LL {actual:R} vs float64 {expected:R} "
        + $"(rel {error:G2}) {(pass ? "OK" : "FAIL")}{cpuNote}");

    // Timing: upload once, warm up, then reps synchronized Accumulate calls.
    using IDeviceDataset dataset = backend.Upload(data, rows, d);
    TilePlan plan = backend.AccumulatePlan(k, d, form, rows);
    (double median, double min, double max, SufficientStatistics statistics) =
        Timing.Accumulate(backend, dataset, model, reps);
    double gigabytes = rows * d * 4.0 / 1e9;
    Console.WriteLine($"{shape}: Accumulate median {median:F3} ms (min {min:F3}, max {max:F3}) "
        + $"over {reps} reps, {gigabytes / (median / 1e3):F1} GB/s of points, "
        + $"LL/N {statistics.LogLikelihood / rows:F6}; G={plan.Groups} T={plan.GroupSize} "
        + $"P={plan.Layout.TilePoints} L={plan.Layout.Lanes} E={plan.Layout.Entries} "
        + $"shared={plan.Layout.SharedFloats * 4} B");
    if (sweep && !Timing.Sweep(backend, dataset, model, reps, statistics))
    {
        Console.WriteLine($"{shape}: FAIL: a launch shape changed the log-likelihood");
        ok = false;
    }
}

(long Rows, int D, int K, CovarianceType Type)[] fits = small
    ? [(200_000, 2, 5, CovarianceType.Full)]
    : [(1_000_000, 2, 5, CovarianceType.Full), (10_000_000, 2, 5, CovarianceType.Full),
        (1_000_000, 8, 16, CovarianceType.Full), (1_000_000, 32, 32, CovarianceType.Full),
        (1_000_000, 64, 64, CovarianceType.Diagonal)];
foreach ((long rows, int d, int k, CovarianceType type) in fits)
{
    ok &= GmmGpu.Bench.Gpu.FitCheck.Run(device, rows, d, k, type);
}

ok &= GmmGpu.Bench.Gpu.FitCheck.Run(
    device, small ? 200_000 : 1_000_000, 2, 5, CovarianceType.Full, InitMethod.KMeansPlusPlus);

Console.WriteLine(ok ? "smoke: OK" : "smoke: FAIL (log-likelihood check)");
return ok ? 0 : 1;

static double LogLikelihood(IlgpuBackend backend, KernelModel model, float[] data, int rows)
{
    int d = model.Dimensions;
    using IDeviceDataset dataset = backend.Upload(data.AsMemory(0, rows * d), rows, d);
    var statistics = new SufficientStatistics(model.Components, d, model.Form);
    backend.Accumulate(dataset, model, statistics, CancellationToken.None);
    return statistics.LogLikelihood;
}
