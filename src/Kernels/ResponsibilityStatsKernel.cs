using ILGPU;

namespace GmmGpu.Kernels;

/// <summary>Arguments of <see cref="ResponsibilityStatsKernel"/>.</summary>
public readonly struct ResponsibilityStatsParams
{
    /// <summary>The arguments of one E-step launch (members say each).</summary>
    public ResponsibilityStatsParams(
        ArrayView<float> data,
        long rows,
        MixtureView model,
        TileLayout layout,
        ArrayView<double> partials)
    {
        Data = data;
        Rows = rows;
        Model = model;
        Layout = layout;
        Partials = partials;
    }

    /// <summary>Points, shape (N, D), row-major.</summary>
    public ArrayView<float> Data { get; }

    /// <summary>N.</summary>
    public long Rows { get; }

    /// <summary>The mixture of this EM iteration.</summary>
    public MixtureView Model { get; }

    /// <summary>Tile of P points, K weights, moments of the model's form, L lanes.</summary>
    public TileLayout Layout { get; }

    /// <summary>Shape (groups · L, E): the partial rows (<see cref="TileLayout"/>).</summary>
    public ArrayView<double> Partials { get; }
}

/// <summary>The fused E-step and sufficient statistics, without an N×K array.</summary>
public static class ResponsibilityStatsKernel
{
    /// <summary>
    /// For each point x and component k, with diff = x − mean_k and logp_k = log(w_k N(x | k))
    /// (see <see cref="ComponentDensity"/>): log p(x) = logsumexp_k logp_k,
    /// r_k = exp(logp_k − log p(x)), and the sums about the shift c_k = mean_k
    /// Nk = Σ r_k, Sk = Σ r_k·diff, Qk = Σ r_k·diff_i·diff_j (packed upper triangle or the
    /// diagonal) and Σ log p(x). Explicitly grouped over a fixed number of groups; group g takes
    /// tiles g, g + G, ... of P points in shared memory: (a) the threads are spread over the
    /// P·K (point, component) pairs and write logp_k; (b) thread p turns its K values into
    /// r[k, p] and log p(x_p); (c) the threads are spread over the E = K(1 + D + M) + 1 sums and
    /// add the tile's totals into the group's float64 rows. <see cref="ReducePartialsKernel"/>
    /// finishes.
    /// </summary>
    public static void Execute(ResponsibilityStatsParams args) =>
        TileMoments.Run(
            args.Data,
            args.Rows,
            args.Layout,
            args.Model.Means,
            args.Partials,
            new ResponsibilityPass(args.Model));

    /// <summary>Weights r[k, p], scalars log p(x_p).</summary>
    private readonly struct ResponsibilityPass : ITilePass
    {
        private readonly MixtureView model;

        public ResponsibilityPass(MixtureView model) => this.model = model;

        public void Compute(ArrayView<float> shared, in TileLayout layout, long start, int count)
        {
            int thread = Group.IdxX;
            int threads = Group.DimX;
            int weightStride = layout.WeightStride;
            int components = model.Components;
            for (int pair = thread; pair < count * components; pair += threads)
            {
                int k = pair / count;
                int p = pair - (k * count);
                var x = new ViewPoint(shared, layout.PointsOffset + (p * layout.PointStride));
                shared[(k * weightStride) + p] = ComponentDensity.LogDensity(x, model, k);
            }

            Group.Barrier();
            for (int p = thread; p < count; p += threads)
            {
                shared[layout.ScalarsOffset + p] =
                    ComponentDensity.NormalizeLogDensities(shared, p, weightStride, components);
            }
        }
    }
}
