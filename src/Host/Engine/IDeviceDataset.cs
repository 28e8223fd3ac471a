namespace GmmGpu.Engine;

/// <summary>Data of shape (N, D), float32, resident where a backend computes on it.</summary>
public interface IDeviceDataset : IDisposable
{
    /// <summary>Number of points N.</summary>
    long Rows { get; }

    /// <summary>Number of features D.</summary>
    int Columns { get; }
}
