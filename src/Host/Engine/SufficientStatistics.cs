namespace GmmGpu.Engine;

/// <summary>
/// The sums one E-step pass accumulates, in float64, about the shift c_k = the kernel model's
/// means (so that far-from-origin data does not cancel):
/// <c>Nk[k] = Σ r_ik</c>, <c>Sk[k] = Σ r_ik (x_i − c_k)</c>,
/// <c>Qk[k] = Σ r_ik (x_i − c_k)(x_i − c_k)ᵀ</c> (packed upper triangle or diagonal, see
/// <see cref="PrecisionForm"/>) and <c>LogLikelihood = Σ log p(x_i)</c>.
/// </summary>
public sealed class SufficientStatistics
{
    /// <summary>Creates zeroed statistics for K components in D dimensions.</summary>
    public SufficientStatistics(int components, int dimensions, PrecisionForm form)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Components = components;
        Dimensions = dimensions;
        Form = form;
        Nk = new double[components];
        Sk = new double[components * dimensions];
        Qk = new double[components * form.SecondMomentLength(dimensions)];
    }

    /// <summary>Number of components K.</summary>
    public int Components { get; }

    /// <summary>Number of features D.</summary>
    public int Dimensions { get; }

    /// <summary>Layout of <see cref="Qk"/>.</summary>
    public PrecisionForm Form { get; }

    /// <summary>Σ r_ik, shape (K).</summary>
    public double[] Nk { get; }

    /// <summary>Σ r_ik (x_i − c_k), shape (K, D).</summary>
    public double[] Sk { get; }

    /// <summary>Second moments about c_k, shape (K, D(D+1)/2) or (K, D).</summary>
    public double[] Qk { get; }

    /// <summary>Σ_i log p(x_i), the total log-likelihood of the pass.</summary>
    public double LogLikelihood { get; set; }

    /// <summary>Number of points the pass covered.</summary>
    public long Count { get; set; }

    /// <summary>Sets every sum to zero.</summary>
    public void Clear()
    {
        Array.Clear(Nk);
        Array.Clear(Sk);
        Array.Clear(Qk);
        LogLikelihood = 0;
        Count = 0;
    }
}
