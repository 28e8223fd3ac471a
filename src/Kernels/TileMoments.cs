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

    /// <summary>
    /// The loop every tiled kernel runs: zero this group's partial rows; for tiles g, g + G, ...
    /// of P points (a fixed order): copy the points to shared memory, let the pass write the
    /// weights and scalars, and add the tile's sums into the partial rows.
    /// </summary>
    /// <param name="data">Points, shape (N, D), row-major.</param>
    /// <param name="shift">Shape (K, D): the shift c_k of the first and second moments.</param>
    /// <param name="partials">Shape (G·L, E): the groups' partial rows.</param>
    public static void Run<TPass>(
        ArrayView<float> data,
        long rows,
        in TileLayout layout,
        ArrayView<float> shift,
        ArrayView<double> partials,
        TPass pass)
        where TPass : struct, ITilePass
    {
        ArrayView<float> shared = SharedMemory.GetDynamic<float>();
        int tilePoints = layout.TilePoints;
        long tiles = (rows + tilePoints - 1) / tilePoints;
        ClearRows(layout, partials);
        for (long tile = Grid.IdxX; tile < tiles; tile += Grid.DimX)
        {
            long start = tile * tilePoints;
            long left = rows - start;
            int count = left < tilePoints ? (int)left : tilePoints;
            LoadPoints(shared, layout, data, start, count);
            Group.Barrier();
            pass.Compute(shared, layout, start, count);
            Group.Barrier();
            Accumulate(shared, layout, count, shift, partials);
            Group.Barrier();
        }
    }

    /// <summary>Copies points [start, start + count) of data (N, D) to the points block.</summary>
    private static void LoadPoints(
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
    private static void ClearRows(in TileLayout layout, ArrayView<double> partials)
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
    private static void Accumulate(
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
        int weightStride = layout.WeightStride;
        var one = default(UnitFactor);
        if (entry == layout.Entries - 1)
        {
            return SumProducts(shared, layout, count, lane, layout.ScalarsOffset, one, one);
        }

        if (entry < k)
        {
            return SumProducts(shared, layout, count, lane, entry * weightStride, one, one);
        }

        int index = entry - k;
        if (index < k * d)
        {
            int component = index / d;
            var first = new DifferenceFactor(index - (component * d), shift[index]);
            int weights = component * weightStride;
            return SumProducts(shared, layout, count, lane, weights, first, one);
        }

        index -= k * d;
        int moments = layout.SecondMoments;
        int owner = index / moments;
        int row = index - (owner * moments);
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
            shared,
            layout,
            count,
            lane,
            owner * weightStride,
            new DifferenceFactor(row, shift[(owner * d) + row]),
            new DifferenceFactor(column, shift[(owner * d) + column]));
    }

    /// <summary>
    /// Σ over this lane's points p of shared[weights + p] · a_p · b_p: float32 within chunks of
    /// <see cref="ChunkPoints"/> points, float64 across chunks.
    /// </summary>
    private static double SumProducts<TA, TB>(
        ArrayView<float> shared, in TileLayout layout, int count, int lane, int weights,
        TA a, TB b)
        where TA : struct, ITileFactor
        where TB : struct, ITileFactor
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
                int point = points + (p * stride);
                sum += shared[weights + p] * a.At(shared, point) * b.At(shared, point);
            }

            total += sum;
        }

        return total;
    }
}
