using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>
/// The group-level pieces of the tiled kernels: copy a tile of points into shared memory, and
/// reduce a tile's weighted moments into the group's float64 partial rows. Every thread of the
/// group calls these between barriers; each partial entry is owned by one thread, so the sums
/// need no atomics and are added in a fixed order (deterministic on a given accelerator).
/// </summary>
public static class TileMoments
{
    /// <summary>Points summed in float32 before that sum joins a float64 total.</summary>
    public const int ChunkPoints = 32;

    /// <summary>Copies points [start, start + count) of data (N, D) to the points block.</summary>
    public static void LoadPoints(
        ArrayView<float> shared, in TileLayout layout, ArrayView<float> data, long start, int count)
    {
        int d = layout.Dimensions;
        int values = count * d;
        long source = start * d;
        for (int v = Group.IdxX; v < values; v += Group.DimX)
        {
            int p = v / d;
            shared[layout.PointsOffset + (p * layout.PointStride) + v - (p * d)] =
                data[source + v];
        }
    }

    /// <summary>Zeroes this group's partial rows (each thread the entries it owns).</summary>
    public static void ClearRows(in TileLayout layout, ArrayView<double> partials)
    {
        int width = Group.DimX / layout.Lanes;
        int lane = Group.IdxX / width;
        if (lane < layout.Lanes)
        {
            long row = (((long)Grid.IdxX * layout.Lanes) + lane) * layout.Entries;
            for (int e = Group.IdxX % width; e < layout.Entries; e += width)
            {
                partials[row + e] = 0.0;
            }
        }
    }

    /// <summary>
    /// Adds the tile's sums to this group's partial rows: for weight w_pk, point x_p, shift c_k
    /// and scalar s_p, Σ_p w_pk, Σ_p w_pk (x_pi − c_ki), Σ_p w_pk (x_pi − c_ki)(x_pj − c_kj)
    /// and Σ_p s_p over the tile's first <paramref name="count"/> points.
    /// </summary>
    public static void Accumulate(
        ArrayView<float> shared,
        in TileLayout layout,
        int count,
        ArrayView<float> shift,
        ArrayView<double> partials)
    {
        int width = Group.DimX / layout.Lanes;
        int lane = Group.IdxX / width;
        if (lane >= layout.Lanes)
        {
            return;
        }

        long row = (((long)Grid.IdxX * layout.Lanes) + lane) * layout.Entries;
        for (int e = Group.IdxX % width; e < layout.Entries; e += width)
        {
            partials[row + e] += SumEntry(shared, layout, count, shift, e, lane);
        }
    }

    private static double SumEntry(
        ArrayView<float> shared, in TileLayout layout, int count, ArrayView<float> shift,
        int entry, int lane)
    {
        int k = layout.Components;
        int d = layout.Dimensions;
        int tilePoints = layout.TilePoints;
        if (entry == layout.Entries - 1)
        {
            return SumProducts(shared, layout, count, lane, layout.ScalarsOffset, -1, -1, 0);
        }

        if (entry < k)
        {
            return SumProducts(shared, layout, count, lane, entry * tilePoints, -1, -1, 0);
        }

        int index = entry - k;
        if (index < k * d)
        {
            int component = index / d;
            int i = index % d;
            return SumProducts(
                shared, layout, count, lane, component * tilePoints, i, -1, shift[index]);
        }

        index -= k * d;
        int moments = layout.SecondMoments;
        int owner = index / moments;
        int row = index % moments;
        int column = row;
        if (layout.Moments == MomentForm.Triangular)
        {
            row = 0;
            while (column >= d - row)
            {
                column -= d - row;
                row++;
            }

            column += row;
        }

        return SumProducts(
            shared, layout, count, lane, owner * tilePoints, row, column,
            shift[(owner * d) + row], shift[(owner * d) + column]);
    }

    /// <summary>
    /// Σ over this lane's points p of shared[weights + p] · a_p · b_p, where a_p = x_pi − shiftI
    /// (1 when i &lt; 0) and b_p = x_pj − shiftJ (1 when j &lt; 0); float32 chunks, float64 total.
    /// </summary>
    private static double SumProducts(
        ArrayView<float> shared, in TileLayout layout, int count, int lane,
        int weights, int i, int j, float shiftI, float shiftJ = 0f)
    {
        int lanes = layout.Lanes;
        int stride = layout.PointStride;
        int points = layout.PointsOffset;
        double total = 0.0;
        for (int first = lane; first < count; first += lanes * ChunkPoints)
        {
            int end = first + (lanes * ChunkPoints);
            end = end < count ? end : count;
            float sum = 0f;
            for (int p = first; p < end; p += lanes)
            {
                float a = i >= 0 ? shared[points + (p * stride) + i] - shiftI : 1f;
                float b = j >= 0 ? shared[points + (p * stride) + j] - shiftJ : 1f;
                sum += shared[weights + p] * a * b;
            }

            total += sum;
        }

        return total;
    }
}
