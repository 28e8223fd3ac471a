namespace GmmGpu.Benchmarks;

/// <summary>One point of a sweep: backend, N points, D features, K components, covariance type.</summary>
public sealed record BenchCase(ComputeDevice Device, int N, int D, int K, CovarianceType Type)
{
    /// <summary>
    /// The sweep N × D × K on every backend. The ILGPU CPU accelerator is ~50x slower than the
    /// SIMD path, so its largest cases (over 2e9 multiply-adds a pass) are left out.
    /// </summary>
    public static IEnumerable<BenchCase> Sweep(int[] ns, int[] ds, int[] ks, CovarianceType type)
    {
        foreach (ComputeDevice device in BenchSettings.Devices)
        {
            foreach (int n in ns)
            {
                foreach (int d in ds)
                {
                    foreach (int k in ks)
                    {
                        if (device == ComputeDevice.IlgpuCpu && (double)n * k * d * d > 2e9)
                        {
                            continue;
                        }

                        yield return new BenchCase(device, n, d, k, type);
                    }
                }
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name(Device)} {N}x{D} K={K} {Type}";

    internal static string Name(ComputeDevice device) => device switch
    {
        ComputeDevice.IlgpuCpu => "ilgpu-cpu",
        ComputeDevice.OpenCL => "opencl",
        _ => device.ToString().ToLowerInvariant(),
    };
}
