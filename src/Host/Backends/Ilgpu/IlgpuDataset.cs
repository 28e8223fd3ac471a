using GmmGpu.Engine;
using ILGPU;
using ILGPU.Runtime;

namespace GmmGpu.Backends.Ilgpu;

/// <summary>Points of shape (N, D), float32, row-major, in accelerator memory.</summary>
internal sealed class IlgpuDataset : IDeviceDataset
{
    private readonly MemoryBuffer1D<float, Stride1D.Dense> buffer;
    private bool disposed;

    public IlgpuDataset(IlgpuBackend owner, MemoryBuffer1D<float, Stride1D.Dense> buffer,
        long rows, int columns)
    {
        Owner = owner;
        this.buffer = buffer;
        Rows = rows;
        Columns = columns;
    }

    public IlgpuBackend Owner { get; }

    public long Rows { get; }

    public int Columns { get; }

    public ArrayView<float> View => buffer.View;

    /// <summary>Hands the buffer back to the backend for the next upload.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Owner.DatasetBuffers.Return(buffer);
        }
    }
}
