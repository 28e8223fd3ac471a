using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>A device buffer reused across calls, reallocated only when a call needs more.</summary>
internal sealed class DeviceArray<T> : IDisposable
    where T : unmanaged
{
    private readonly Accelerator accelerator;
    private MemoryBuffer1D<T, Stride1D.Dense>? buffer;

    public DeviceArray(Accelerator accelerator) => this.accelerator = accelerator;

    /// <summary>A view of exactly <paramref name="length"/> elements (≥ 1 allocated).</summary>
    public ArrayView1D<T, Stride1D.Dense> View(long length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = accelerator.Allocate1D<T>(Math.Max(length, 1));
        }

        return buffer.View.SubView(0, length);
    }

    /// <summary>Copies <paramref name="values"/> to the device and returns their view.</summary>
    public ArrayView1D<T, Stride1D.Dense> Upload(AcceleratorStream stream, ReadOnlySpan<T> values)
    {
        ArrayView1D<T, Stride1D.Dense> view = View(values.Length);
        if (!values.IsEmpty)
        {
            view.CopyFromCPU(stream, values);
        }

        return view;
    }

    public void Dispose() => buffer?.Dispose();
}
