using GmmGpu.Backends.Cpu;
using GmmGpu.Backends.Ilgpu;

namespace GmmGpu.Cli.Features;

/// <summary>An accelerator found on this machine.</summary>
/// <param name="Device">The backend that runs on it.</param>
/// <param name="Name">Its name.</param>
/// <param name="MemoryBytes">Its memory in bytes, or null on the CPU (host memory).</param>
/// <param name="IsDefault">Whether <see cref="ComputeDevice.Auto"/> picks it.</param>
public sealed record DeviceInfo(
    ComputeDevice Device, string Name, long? MemoryBytes, bool IsDefault);

/// <summary><c>gmm devices</c>: the accelerators every backend finds here.</summary>
public static class DeviceCatalog
{
    /// <summary>
    /// Lists the SIMD CPU backend and every ILGPU accelerator (CUDA, GPU OpenCL, ILGPU CPU),
    /// marking the one <see cref="ComputeDevice.Auto"/> picks: CUDA, else OpenCL, else cpu.
    /// </summary>
    /// <remarks>Each ILGPU accelerator is created and its kernels compiled: ~1 s each.</remarks>
    public static IReadOnlyList<DeviceInfo> List()
    {
        var found = IlgpuBackend.Discover();
        ComputeDevice auto = found.Any(f => f.Device == ComputeDevice.Cuda) ? ComputeDevice.Cuda
            : found.Any(f => f.Device == ComputeDevice.OpenCL) ? ComputeDevice.OpenCL
            : ComputeDevice.Cpu;
        using var cpu = new CpuBackend();
        var list = new List<DeviceInfo> { new(ComputeDevice.Cpu, cpu.DeviceName, null, false) };
        list.AddRange(found.Select(f => new DeviceInfo(
            f.Device, f.Name, f.Device == ComputeDevice.IlgpuCpu ? null : f.MemoryBytes, false)));
        int index = list.FindIndex(d => d.Device == auto);
        list[index] = list[index] with { IsDefault = true };
        return list;
    }
}
