using System.Runtime.InteropServices;
using GmmGpu.Engine;
using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

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
    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly AcceleratorStream stream;
    private readonly GmmKernels kernels;
    private readonly DeviceArray<float> modelArrays;
    private readonly DeviceArray<float> centres;
    private readonly DeviceArray<float> points;
    private readonly DeviceArray<double> partials;
    private readonly DeviceArray<double> totals;
    private readonly DeviceArray<double> doubleResults;
    private readonly DeviceArray<int> intResults;
    private readonly DeviceArray<float> floatResults;
    private LaunchShape shape;
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
        DatasetBuffers = new DatasetBuffers(accelerator);
    }

    /// <inheritdoc/>
    public ComputeDevice Device { get; }

    /// <summary>The uploaded datasets' device buffers, reused from chunk to chunk.</summary>
    internal DatasetBuffers DatasetBuffers { get; }

    /// <inheritdoc/>
    public string DeviceName => accelerator.Name;

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public IDeviceDataset Upload(ReadOnlyMemory<float> data, long rows, int columns)
    {
        accelerator.Bind();
        MemoryBuffer1D<float, Stride1D.Dense> buffer = DatasetBuffers.Take(rows * columns);
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
        DatasetBuffers.Dispose();
        stream.Dispose();
        accelerator.Dispose();
        context.Dispose();
    }

    private static int LargestPowerOfTwo(int value) => 1 << (31 - int.LeadingZeroCount(value));

    private IlgpuDataset Own(IDeviceDataset data) =>
        data is IlgpuDataset dataset && ReferenceEquals(dataset.Owner, this)
            ? dataset
            : throw new ArgumentException(
                "The dataset was uploaded by another backend; upload it with this one.",
                nameof(data));

    /// <summary>
    /// The model on the device, packed as means (K, D) | factors | log normalizers (K) in one
    /// buffer and uploaded in one asynchronous copy, unless the device already holds these
    /// values. Contents decide, not the instance: a model's arrays may have been changed in
    /// place since the last call, and a copy kept by identity would score the old model.
    /// Comparing costs O(K·D²) on the host, as staging the upload does.
    /// </summary>
    private MixtureView Resident(KernelModel model)
    {
        int meansLength = model.Means.Length;
        int factorsLength = model.PrecisionCholesky.Length;
        int total = meansLength + factorsLength + model.LogNormalizer.Length;
        ReadOnlySpan<float> staged = modelArrays.Staged;
        ArrayView1D<float, Stride1D.Dense> packed;
        if (staged.Length == total
            && SameBits(staged[..meansLength], model.Means)
            && SameBits(staged.Slice(meansLength, factorsLength), model.PrecisionCholesky)
            && SameBits(staged[(meansLength + factorsLength)..], model.LogNormalizer))
        {
            packed = modelArrays.View(total);
        }
        else
        {
            Span<float> staging = modelArrays.Stage(total);
            model.Means.CopyTo(staging);
            model.PrecisionCholesky.CopyTo(staging[meansLength..]);
            model.LogNormalizer.CopyTo(staging[(meansLength + factorsLength)..]);
            packed = modelArrays.UploadStaged(stream);
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

    // Bit for bit: NaN equals itself and −0 differs from +0, as the device copy would.
    private static bool SameBits(ReadOnlySpan<float> left, ReadOnlySpan<float> right) =>
        MemoryMarshal.AsBytes(left).SequenceEqual(MemoryMarshal.AsBytes(right));
}
