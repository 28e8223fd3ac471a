namespace GmmGpu.Backends.Ilgpu;

/// <summary>
/// The device memory the E-step's partial rows may take. Each group that runs at once needs its
/// own float64 row of E sums (the first level of the reduction; <c>ReducePartialsKernel</c> is
/// the second), so the rows grow as groups × E: K=1024, D=128 full has E ≈ 8.6 M (69 MB a row),
/// and 528 groups would need 36 GB. Past the budget the plans launch fewer groups, each taking
/// more tiles; the sums stay in a fixed order.
/// </summary>
internal static class PartialBudget
{
    /// <summary>2 GiB: a fortieth of an 80 GB card, far above any small model's rows.</summary>
    public const long DefaultBytes = 2L << 30;

    /// <summary>
    /// The most groups, at most <paramref name="groups"/> and at least 1, whose
    /// <paramref name="rowsPerGroup"/> rows of <paramref name="entries"/> doubles each fit
    /// <paramref name="budgetBytes"/>.
    /// </summary>
    public static int Groups(int groups, int rowsPerGroup, int entries, long budgetBytes)
    {
        long groupBytes = (long)rowsPerGroup * entries * sizeof(double);
        return (int)Math.Clamp(budgetBytes / groupBytes, 1, groups);
    }
}
