using System.Buffers;

namespace GmmGpu.Data;

/// <summary>
/// float32 values at a native address (a mapped file) as a Memory, without a copy.
/// </summary>
internal sealed unsafe class PointerMemory(float* values, int length) : MemoryManager<float>
{
    public override Span<float> GetSpan() => new(values, length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(values + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
