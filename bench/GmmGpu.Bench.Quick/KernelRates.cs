using System.Diagnostics;
using System.Runtime.Intrinsics;
using GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// The blocked pass's micro-kernels alone on cache-resident operands, in GFLOP/s of process
/// CPU time (wall time on a shared machine counts other processes' turns): how near the FMA
/// peak (bench/peak/fma_peak.c) the tiles run before any memory traffic.
/// </summary>
internal static class KernelRates
{
    public static void Run()
    {
        Run(1);
        Run(16);
    }

    private static void Run(int components)
    {
        const int d = 32;
        const int points = 64;
        var random = new Random(1);
        float[] factor = new float[components * d * d];
        float[] columns = new float[d * points];
        float[] centre = new float[d];
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++)
            {
                for (int k = 0; k < components; k++)
                {
                    factor[(k * d * d) + (i * d) + j] = (float)random.NextDouble();
                }
            }
        }

        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = (float)random.NextDouble();
        }

        for (int round = 0; round < 3; round++)
        {
            const int repeats = 200_000;
            Vector512<float> total = default;
            using var process = Process.GetCurrentProcess();
            TimeSpan started = process.TotalProcessorTime;
            for (int r = 0; r < repeats; r++)
            {
                int k = r % components;
                for (int b = 0; b < points; b += 32)
                {
                    (Vector512<float> low, Vector512<float> high) = TileProduct.SquaredNorms(
                        ref factor[k * d * d], d, ref columns[b], points, d, ref centre[0]);
                    total += low + high;
                }
            }

            process.Refresh();
            double seconds = (process.TotalProcessorTime - started).TotalSeconds;

            // Useful flops: the upper triangle's D(D+1)/2 FMAs per point, and the squares.
            double flops = 2.0 * repeats * points * ((d * (d + 1) / 2) + d);
            Console.WriteLine(
                $"SquaredNorms D={d} K={components}: {flops / seconds / 1e9:F1} GFLOP/s (CPU time), "
                + $"check {Vector512.Sum(total):G3}");
        }
    }
}
