using GmmGpu.Data;
using GmmGpu.Engine;

namespace GmmGpu.UseCases;

/// <summary>
/// Per-point work over a row source a batch at a time (read or mapped, uploaded, computed on,
/// released), so labelling or scoring a file needs memory for one batch, not for the file.
/// </summary>
internal static class RowBatches
{
    /// <summary>Rows per batch.</summary>
    public const int Rows = 65536;

    /// <summary>
    /// Calls <paramref name="body"/>(batch on the device, first row, rows) for each batch of
    /// <paramref name="source"/> in row order.
    /// </summary>
    public static void ForEach(
        IRowSource source,
        IComputeBackend backend,
        Action<IDeviceDataset, long, int> body,
        CancellationToken cancellationToken)
    {
        int d = source.Columns;
        float[]? buffer = null;
        for (long start = 0; start < source.Rows; start += Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = (int)Math.Min(Rows, source.Rows - start);
            if (source is not IMappedRows mapped
                || !mapped.TryMap(start, count, out ReadOnlyMemory<float> rows))
            {
                buffer ??= new float[(long)Math.Min(Rows, source.Rows) * d];
                source.Read(start, count, buffer.AsSpan(0, count * d));
                rows = buffer.AsMemory(0, count * d);
            }

            using IDeviceDataset batch = backend.Upload(rows, count, d);
            body(batch, start, count);
        }
    }
}
