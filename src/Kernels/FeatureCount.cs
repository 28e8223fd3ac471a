namespace GmmGpu.Kernels;

/// <summary>
/// D as a compile-time constant: a kernel generic over it sees loops of fixed length, which
/// ILGPU unrolls, so a point's features and differences stay in registers.
/// </summary>
public interface IFeatureCount
{
    /// <summary>D, 1 ≤ D ≤ <see cref="WarpStatsKernel.MaxDimensions"/>.</summary>
    int Value { get; }
}

/// <summary>D = 1.</summary>
public readonly struct Features1 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 1;
}

/// <summary>D = 2.</summary>
public readonly struct Features2 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 2;
}

/// <summary>D = 3.</summary>
public readonly struct Features3 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 3;
}

/// <summary>D = 4.</summary>
public readonly struct Features4 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 4;
}

/// <summary>D = 5.</summary>
public readonly struct Features5 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 5;
}

/// <summary>D = 6.</summary>
public readonly struct Features6 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 6;
}

/// <summary>D = 7.</summary>
public readonly struct Features7 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 7;
}

/// <summary>D = 8.</summary>
public readonly struct Features8 : IFeatureCount
{
    /// <inheritdoc/>
    public int Value => 8;
}
