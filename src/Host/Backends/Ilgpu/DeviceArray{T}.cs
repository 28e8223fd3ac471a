using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// A device buffer reused across calls, reallocated only when a call needs more, with a
/// page-locked host staging array so uploads are asynchronous on the stream. An upload may
/// reuse the staging array only after the stream has synchronized (every backend call ends
/// with a synchronizing read-back).
/// </summary>
internal sealed class DeviceArray<T> : IDisposable
    where T : unmanaged
{
    private readonly Accelerator accelerator;
    private MemoryBuffer1D<T, Stride1D.Dense>? buffer;
    private PageLockedArray1D<T>? staging;

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

    /// <summary>Host memory of exactly <paramref name="length"/> elements to fill.</summary>
    public Span<T> Stage(int length)
    {
        if (staging is null || staging.Length != length)
        {
            staging?.Dispose();
            staging = accelerator.AllocatePageLocked1D<T>(length);
        }

        return staging.Span;
    }

    /// <summary>
    /// The values staged last (empty before the first): what the device holds once their
    /// upload has run.
    /// </summary>
    public ReadOnlySpan<T> Staged => staging is null ? [] : staging.Span;

    /// <summary>Queues the copy of the staged values to the device; returns their view.</summary>
    public ArrayView1D<T, Stride1D.Dense> UploadStaged(AcceleratorStream stream)
    {
        int length = staging is null ? 0 : (int)staging.Length;
        ArrayView1D<T, Stride1D.Dense> view = View(length);
        if (length > 0)
        {
            view.CopyFromPageLockedAsync(stream, staging!);
        }

        return view;
    }

    /// <summary>Stages <paramref name="values"/> and queues their copy to the device.</summary>
    public ArrayView1D<T, Stride1D.Dense> Upload(AcceleratorStream stream, ReadOnlySpan<T> values)
    {
        values.CopyTo(Stage(values.Length));
        return UploadStaged(stream);
    }

    public void Dispose()
    {
        staging?.Dispose();
        buffer?.Dispose();
    }
}
