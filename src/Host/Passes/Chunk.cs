namespace GmmGpu.Passes;

/// <summary>
/// Rows [Start, Start + Rows) of a process's data, the unit every pass works in.
/// </summary>
/// <param name="Index">
/// Position in the fixed partition: partial sums are added in this order.
/// </param>
internal readonly record struct Chunk(int Index, long Start, int Rows);
