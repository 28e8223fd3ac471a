using GmmGpu.Engine;
using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// The ILGPU kernels on one accelerator: CUDA, a GPU OpenCL device, or ILGPU's CPU accelerator.
/// Kernels are compiled once at creation; data is uploaded once per dataset; model arrays and
/// partial sums live in device buffers reused across calls; every call runs on one stream and
/// synchronizes once to read back its O(K·D²) results.
/// </summary>
/// <remarks>
/// Not thread-safe: one stream and one set of buffers serve every call (each call binds the
/// accelerator to the calling thread, so calls may come from any one thread at a time). See
/// src/Kernels/README.md for the kernels' design and shared-memory limits.
/// </remarks>
public sealed partial class IlgpuBackend : IComputeBackend
{
    // The CPU device: groups of at most 2 threads (launched with 1, see LaunchShape.Cpu).
    private const int CpuWarpSize = 2;
    private const int CpuWarpsPerGroup = 1;

    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly AcceleratorStream stream;
    private readonly GmmKernels kernels;
    private LaunchShape shape;
    private readonly DeviceArray<float> modelArrays;
    private readonly DeviceArray<float> centres;
    private readonly DeviceArray<float> points;
    private readonly DeviceArray<double> partials;
    private readonly DeviceArray<double> totals;
    private readonly DeviceArray<double> doubleResults;
    private readonly DeviceArray<int> intResults;
    private readonly DeviceArray<float> floatResults;
    private KernelModel? residentModel;
    private double[] hostTotals = [];

    private IlgpuBackend(
        ComputeDevice device, Context context, Accelerator accelerator, LaunchShape? cpuShape)
    {
        Device = device;
        this.context = context;
        this.accelerator = accelerator;
        stream = accelerator.CreateStream();
        kernels = new GmmKernels(accelerator);
        Shape = accelerator.AcceleratorType == AcceleratorType.CPU
            ? cpuShape ?? LaunchShape.Cpu
            : LaunchShape.Gpu;
        modelArrays = new DeviceArray<float>(accelerator);
        centres = new DeviceArray<float>(accelerator);
        points = new DeviceArray<float>(accelerator);
        partials = new DeviceArray<double>(accelerator);
        totals = new DeviceArray<double>(accelerator);
        doubleResults = new DeviceArray<double>(accelerator);
        intResults = new DeviceArray<int>(accelerator);
        floatResults = new DeviceArray<float>(accelerator);
    }

    /// <inheritdoc/>
    public ComputeDevice Device { get; }

    /// <inheritdoc/>
    public string DeviceName => accelerator.Name;

    /// <summary>Bytes of accelerator memory.</summary>
    public long MemoryBytes => accelerator.MemorySize;

    /// <summary>The launch shape of the tiled kernels; the group size is rounded down to a
    /// power of two the accelerator supports.</summary>
    internal LaunchShape Shape
    {
        get => shape;
        set => shape = value with
        {
            GroupSize = LargestPowerOfTwo(
                Math.Min(value.GroupSize, accelerator.MaxNumThreadsPerGroup)),
        };
    }

    /// <summary>
    /// Creates the backend on the first working accelerator of the given kind and compiles
    /// every kernel for it.
    /// </summary>
    /// <param name="device"><see cref="ComputeDevice.Cuda"/>, <see cref="ComputeDevice.OpenCL"/>
    /// or <see cref="ComputeDevice.IlgpuCpu"/>.</param>
    /// <exception cref="InvalidOperationException">No working accelerator of that kind (the
    /// message starts "No CUDA device:", "No OpenCL GPU device:" or "No ILGPU CPU
    /// accelerator:").</exception>
    public static IlgpuBackend Create(ComputeDevice device)
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
            backend = device switch
            {
                ComputeDevice.Cuda => TryDevices(device, context, CudaDevices(context)),
                ComputeDevice.OpenCL => TryDevices(device, context, OpenClGpuDevices(context)),
                _ => TryDevices(device, context, [cpuDevice]),
            };
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

    /// <inheritdoc/>
    public IDeviceDataset Upload(ReadOnlyMemory<float> data, long rows, int columns)
    {
        accelerator.Bind();
        MemoryBuffer1D<float, Stride1D.Dense> buffer =
            accelerator.Allocate1D<float>(Math.Max(rows * columns, 1));
        if (rows * columns > 0)
        {
            buffer.View.SubView(0, rows * columns)
                .CopyFromCPU(stream, data.Span[..(int)(rows * columns)]);
        }

        return new IlgpuDataset(this, buffer, rows, columns);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        modelArrays.Dispose();
        centres.Dispose();
        points.Dispose();
        partials.Dispose();
        totals.Dispose();
        doubleResults.Dispose();
        intResults.Dispose();
        floatResults.Dispose();
        stream.Dispose();
        accelerator.Dispose();
        context.Dispose();
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

    private static int LargestPowerOfTwo(int value) => 1 << (31 - int.LeadingZeroCount(value));

    private IlgpuDataset Own(IDeviceDataset data) =>
        data is IlgpuDataset dataset && ReferenceEquals(dataset.Owner, this)
            ? dataset
            : throw new ArgumentException(
                "The dataset was uploaded by another backend; upload it with this one.",
                nameof(data));

    /// <summary>
    /// The model on the device, packed as means (K, D) | factors | log normalizers (K) in one
    /// buffer and uploaded in one asynchronous copy, only when the instance changes.
    /// </summary>
    private MixtureView Resident(KernelModel model)
    {
        int meansLength = model.Means.Length;
        int factorsLength = model.PrecisionCholesky.Length;
        int total = meansLength + factorsLength + model.LogNormalizer.Length;
        ArrayView1D<float, Stride1D.Dense> packed;
        if (ReferenceEquals(model, residentModel))
        {
            packed = modelArrays.View(total);
        }
        else
        {
            Span<float> staged = modelArrays.Stage(total);
            model.Means.CopyTo(staged);
            model.PrecisionCholesky.CopyTo(staged[meansLength..]);
            model.LogNormalizer.CopyTo(staged[(meansLength + factorsLength)..]);
            packed = modelArrays.UploadStaged(stream);
            residentModel = model;
        }

        return new MixtureView(
            packed.SubView(0, meansLength),
            packed.SubView(meansLength, factorsLength),
            packed.SubView(meansLength + factorsLength, model.Components),
            model.Components,
            model.Dimensions,
            model.Form == PrecisionForm.Triangular
                ? DensityForm.Triangular
                : DensityForm.Diagonal);
    }
}
