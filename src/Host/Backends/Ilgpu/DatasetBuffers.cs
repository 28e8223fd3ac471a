using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// Device buffers for uploaded data, kept when a dataset is disposed and reused by the next
/// upload that fits: a streamed pass uploads and disposes a chunk at a time, and allocating
/// device memory for each chunk of each iteration cost more than the copy. At most
/// <see cref="MaxSpare"/> are kept (the pipeline's two chunks a device); an upload that fits none
/// frees them all before it allocates, so a spare never stands in the way of a larger dataset.
/// Not thread-safe, like the backend.
/// </summary>
internal sealed class DatasetBuffers : IDisposable
{
    private const int MaxSpare = 2;

    private readonly Accelerator accelerator;
    private readonly List<MemoryBuffer1D<float, Stride1D.Dense>> spare = [];
    private bool disposed;

    public DatasetBuffers(Accelerator accelerator) => this.accelerator = accelerator;

    /// <summary>Allocations made so far (tests: chunks reuse their buffers).</summary>
    public int Allocations { get; private set; }

    /// <summary>A buffer of at least <paramref name="length"/> floats (≥ 1).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Take(long length)
    {
        length = Math.Max(length, 1);
        MemoryBuffer1D<float, Stride1D.Dense>? best = null;
        foreach (MemoryBuffer1D<float, Stride1D.Dense> buffer in spare)
        {
            if (buffer.Length >= length && (best is null || buffer.Length < best.Length))
            {
                best = buffer;
            }
        }

        if (best is not null)
        {
            spare.Remove(best);
            return best;
        }

        FreeSpare();
        Allocations++;
        return accelerator.Allocate1D<float>(length);
    }

    /// <summary>Keeps a dataset's buffer for reuse, or frees it when enough are kept.</summary>
    public void Return(MemoryBuffer1D<float, Stride1D.Dense> buffer)
    {
        if (!disposed && spare.Count < MaxSpare)
        {
            spare.Add(buffer);
        }
        else
        {
            buffer.Dispose();
        }
    }

    public void Dispose()
    {
        disposed = true;
        FreeSpare();
    }

    private void FreeSpare()
    {
        spare.ForEach(buffer => buffer.Dispose());
        spare.Clear();
    }
}
