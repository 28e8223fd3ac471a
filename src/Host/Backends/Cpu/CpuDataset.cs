using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>Row-major float32 data of shape (Rows, Columns), kept by reference (no copy).</summary>
internal sealed class CpuDataset(ReadOnlyMemory<float> data, long rows, int columns)
    : IDeviceDataset
{
    public ReadOnlyMemory<float> Data { get; } = data;

    public long Rows { get; } = rows;

    public int Columns { get; } = columns;

    /// <summary>Held while a k-means++ draw reads or extends <see cref="Seeding"/>.</summary>
    public Lock SeedingLock { get; } = new();

    /// <summary>The k-means++ distances of the seeding under way on this data, if any.</summary>
    public SeedDistances? Seeding { get; set; }

    /// <summary>Drops the k-means++ distances: the seeding is over.</summary>
    public void EndSeeding()
    {
        lock (SeedingLock)
        {
            Seeding = null;
        }
    }

    public void Dispose()
    {
    }

    /// <summary>The CPU dataset behind <paramref name="data"/>, from a CPU backend.</summary>
    public static CpuDataset From(IDeviceDataset data) =>
        data as CpuDataset ?? throw new ArgumentException(
            $"Expected a dataset uploaded by the CPU backend, got {data.GetType().Name}; "
            + "upload the data through the backend that computes on it.",
            nameof(data));
}
