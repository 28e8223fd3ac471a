namespace GmmGpu.Backends.Cpu.Blocked;

/// <summary>
/// Where the blocked pass keeps a chunk's second moments Σ r (x − μ)(x − μ)ᵀ of one component:
/// only the tiles on or above the diagonal, as the products write them. Rows i..i+7 (tile
/// t = i / 8) start at the column tile that reaches i, c0 = i rounded down to a vector (16),
/// and run to the padded D: 8 rows of padded − c0 sums each, one after another. That is about
/// half of a padded D × D square, which is what a worker held before.
/// </summary>
internal sealed class MomentTiles
{
    private readonly int[] offsets;

    /// <param name="dimensions">D ≥ 1.</param>
    /// <param name="padded">D rounded up to a vector (16).</param>
    public MomentTiles(int dimensions, int padded)
    {
        Padded = padded;
        int tiles = (dimensions + TileProduct.Rows - 1) / TileProduct.Rows;
        offsets = new int[tiles + 1];
        for (int t = 0; t < tiles; t++)
        {
            offsets[t + 1] = offsets[t] + (TileProduct.Rows * Width(t * TileProduct.Rows));
        }
    }

    /// <summary>D rounded up to a vector: the end of every row.</summary>
    public int Padded { get; }

    /// <summary>Sums of one component.</summary>
    public int Length => offsets[^1];

    /// <summary>The first column held in row <paramref name="row"/> (and its tile's rows).
    /// </summary>
    public static int FirstColumn(int row) => row / TileProduct.Width * TileProduct.Width;

    /// <summary>Sums held per row of the tile of <paramref name="row"/>: its stride.</summary>
    public int Width(int row) => Padded - FirstColumn(row);

    /// <summary>
    /// The index of (<paramref name="row"/>, column 0) of a component's sums, as if the row held
    /// every column: (row, j) is at this + j for j ≥ <see cref="FirstColumn"/>(row). May be
    /// negative only for a column that is not held.
    /// </summary>
    public int RowOrigin(int row)
    {
        int tile = row / TileProduct.Rows;
        return offsets[tile] + ((row % TileProduct.Rows) * Width(row)) - FirstColumn(row);
    }
}
