using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>
/// Arguments of the per-point scoring kernels: a batch of points [Start, Start + n) of the data,
/// one thread per point, results written to <see cref="Output"/> from index 0.
/// </summary>
/// <typeparam name="T">Element type of the output.</typeparam>
public readonly struct PointBatchParams<T>
    where T : unmanaged
{
    /// <summary>The arguments of one batch launch (members say each).</summary>
    public PointBatchParams(
        ArrayView<float> data, long start, MixtureView model, ArrayView<T> output)
    {
        Data = data;
        Start = start;
        Model = model;
        Output = output;
    }

    /// <summary>Points, shape (N, D), row-major.</summary>
    public ArrayView<float> Data { get; }

    /// <summary>Index of the batch's first point.</summary>
    public long Start { get; }

    /// <summary>The mixture the points are scored against.</summary>
    public MixtureView Model { get; }

    /// <summary>Per-point results, shape (n) or (n, K).</summary>
    public ArrayView<T> Output { get; }

    /// <summary>Point i of the batch.</summary>
    public ViewPoint Point(int i) => new(Data, (Start + i) * Model.Dimensions);
}
