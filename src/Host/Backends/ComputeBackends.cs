using GmmGpu.Backends.Cpu;
using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;

namespace GmmGpu.Backends;

/// <summary>Creates backends; the only place that knows them all.</summary>
public static class ComputeBackends
{
    /// <summary>
    /// Creates the backend for <paramref name="device"/>. <see cref="ComputeDevice.Auto"/> tries
    /// CUDA, then a GPU OpenCL device, then falls back to <see cref="ComputeDevice.Cpu"/>.
    /// </summary>
    /// <param name="maxDegreeOfParallelism">Threads of the CPU backend; null uses every core.</param>
    /// <exception cref="InvalidOperationException">The named device is not available here.</exception>
    public static IComputeBackend Create(ComputeDevice device, int? maxDegreeOfParallelism = null)
    {
        switch (device)
        {
            case ComputeDevice.Cpu:
                return new CpuBackend(maxDegreeOfParallelism);
            case ComputeDevice.Auto:
                foreach (ComputeDevice gpu in new[] { ComputeDevice.Cuda, ComputeDevice.OpenCL })
                {
                    try
                    {
                        return IlgpuBackend.Create(gpu);
                    }
                    catch (InvalidOperationException)
                    {
                        // Not present or broken: try the next one.
                    }
                }

                return new CpuBackend(maxDegreeOfParallelism);
            default:
                return IlgpuBackend.Create(device);
        }
    }
}
