using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>Creating the backend: device selection and discovery.</summary>
public sealed partial class IlgpuBackend
{
    // The CPU device: groups of at most 2 threads (launched with 1, see LaunchShape.Cpu).
    private const int CpuWarpSize = 2;
    private const int CpuWarpsPerGroup = 1;

    /// <summary>
    /// Creates the backend on the first working accelerator of the given kind and compiles
    /// every kernel for it.
    /// </summary>
    /// <param name="device"><see cref="ComputeDevice.Cuda"/>, <see cref="ComputeDevice.OpenCL"/>
    /// or <see cref="ComputeDevice.IlgpuCpu"/>.</param>
    /// <exception cref="InvalidOperationException">No working accelerator of that kind (the
    /// message starts "No CUDA device:", "No OpenCL GPU device:" or "No ILGPU CPU
    /// accelerator:").</exception>
    /// <param name="index">Which device of that kind, 0-based; null takes the first that
    /// works.</param>
    public static IlgpuBackend Create(ComputeDevice device, int? index = null)
    {
        string label = device switch
        {
            ComputeDevice.Cuda => "No CUDA device",
            ComputeDevice.OpenCL => "No OpenCL GPU device",
            ComputeDevice.IlgpuCpu => "No ILGPU CPU accelerator",
            _ => throw new ArgumentOutOfRangeException(
                nameof(device), device, "IlgpuBackend runs cuda, opencl or ilgpu-cpu."),
        };
        Context context;
        IlgpuBackend? backend;
        CPUDevice cpuDevice = CreateCpuDevice();
        try
        {
            // Only the requested kind is probed, so a broken GPU driver cannot stop ilgpu-cpu.
            // EnableAlgorithms is required on GPUs (XMath.Exp/Log).
            context = Context.Create(builder => (device switch
            {
                ComputeDevice.Cuda => builder.Cuda(),
                ComputeDevice.OpenCL => builder.OpenCL(),
                _ => builder.CPU(cpuDevice),
            }).EnableAlgorithms());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"{label}: {e.Message}", e);
        }

        try
        {
            List<Device> candidates = Candidates(device, context, cpuDevice);
            if (index is int chosen && (chosen < 0 || chosen >= candidates.Count))
            {
                throw new InvalidOperationException(
                    $"there is no device {chosen}: found {candidates.Count} (0-based indices).");
            }

            backend = TryDevices(device, context, index is int i ? [candidates[i]] : candidates);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Dispose();
            throw new InvalidOperationException($"{label}: {e.Message}", e);
        }

        if (backend is null)
        {
            context.Dispose();
            throw new InvalidOperationException(
                $"{label}: ILGPU found none that works on this machine.");
        }

        return backend;
    }

    /// <summary>
    /// An ilgpu-cpu backend with a chosen group shape, so tests can run the GPU launch shape
    /// (e.g. 256 threads a group: several lanes per tile) on CPU threads.
    /// </summary>
    internal static IlgpuBackend CreateCpu(int warpSize, int warpsPerGroup, int groups)
    {
        var device = new CPUDevice(warpSize, warpsPerGroup, groups);
        var context = Context.Create(builder => builder.CPU(device).EnableAlgorithms());
        var shape = new LaunchShape(warpSize * warpsPerGroup, 1, 256);
        return TryDevices(ComputeDevice.IlgpuCpu, context, [device], shape)!;
    }

    /// <summary>
    /// How many accelerators of a kind ILGPU sees here (0 when none or no driver).
    /// </summary>
    public static int Count(ComputeDevice device)
    {
        if (device == ComputeDevice.IlgpuCpu)
        {
            return 1;
        }

        try
        {
            using var context = Context.Create(builder =>
                (device == ComputeDevice.Cuda ? builder.Cuda() : builder.OpenCL())
                    .EnableAlgorithms());
            return Candidates(device, context, CreateCpuDevice()).Count;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0;
        }
    }

    /// <summary>The accelerators this backend can run on here: name, memory in bytes.</summary>
    /// <remarks>Each is created and its kernels compiled: about a second each.</remarks>
    public static IReadOnlyList<(ComputeDevice Device, string Name, long MemoryBytes)> Discover()
    {
        var found = new List<(ComputeDevice, string, long)>();
        foreach (ComputeDevice device in
            new[] { ComputeDevice.Cuda, ComputeDevice.OpenCL, ComputeDevice.IlgpuCpu })
        {
            try
            {
                using IlgpuBackend backend = Create(device);
                found.Add((device, backend.DeviceName, backend.MemoryBytes));
            }
            catch (InvalidOperationException)
            {
                // Not available here: leave it out of the list.
            }
        }

        return found;
    }

    private static IlgpuBackend? TryDevices(
        ComputeDevice kind,
        Context context,
        IEnumerable<Device> devices,
        LaunchShape? cpuShape = null)
    {
        Exception? last = null;
        foreach (Device device in devices)
        {
            Accelerator? accelerator = null;
            try
            {
                accelerator = device is CPUDevice cpu
                    ? cpu.CreateCPUAccelerator(context, CPUAcceleratorMode.Parallel)
                    : device.CreateAccelerator(context);
                return new IlgpuBackend(kind, context, accelerator, cpuShape);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                accelerator?.Dispose();
                last = e;
            }
        }

        return last is null ? null : throw new InvalidOperationException(last.Message, last);
    }

    private static List<Device> Candidates(
        ComputeDevice device, Context context, CPUDevice cpuDevice) =>
        device switch
        {
            ComputeDevice.Cuda => CudaDevices(context),
            ComputeDevice.OpenCL => OpenClGpuDevices(context),
            _ => [cpuDevice],
        };

    private static List<Device> CudaDevices(Context context)
    {
        var devices = new List<Device>();
        foreach (CudaDevice device in context.GetCudaDevices())
        {
            devices.Add(device);
        }

        return devices;
    }

    /// <summary>GPU OpenCL devices only: ILGPU rejects CPU ones such as PoCL.</summary>
    private static List<Device> OpenClGpuDevices(Context context)
    {
        var devices = new List<Device>();
        foreach (CLDevice device in context.GetCLDevices())
        {
            if (device.DeviceType == CLDeviceType.CL_DEVICE_TYPE_GPU)
            {
                devices.Add(device);
            }
        }

        return devices;
    }

    private static CPUDevice CreateCpuDevice() =>
        new(CpuWarpSize, CpuWarpsPerGroup, Environment.ProcessorCount);
}
