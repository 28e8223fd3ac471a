using GmmGpu.Em;
using GmmGpu.Engine;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>The M-step's handling of components too small to have a full covariance.</summary>
public class MaximizationStepTests
{
    /// <summary>
    /// Statistics of two components in D = 3: component 0 holds 100 points, component 1 half a
    /// point whose shifted second moments are (as float32 rounding can make them) indefinite.
    /// </summary>
    private static (SufficientStatistics Statistics, KernelModel Shift) TwoComponents(PrecisionForm form)
    {
        const int d = 3;
        var statistics = new SufficientStatistics(2, d, form);
        statistics.Nk[0] = 100;
        statistics.Nk[1] = 0.5;
        for (int j = 0; j < d; j++)
        {
            statistics.Sk[d + j] = 0.5 * 50; // mean moved by 50 from the shift
        }

        int m = form.SecondMomentLength(d);
        for (int t = 0; t < m; t++)
        {
            bool diagonal = form == PrecisionForm.Diagonal || t is 0 or 3 or 5;
            statistics.Qk[t] = diagonal ? 100 : 0;
            // 0.5·50·50 would be exact; one part in 1e6 less is indefinite.
            statistics.Qk[m + t] = 0.5 * 2500 * (1 - 1e-6);
        }

        var shift = new KernelModel(
            2, d, form, new float[2 * d], new float[2 * form.PrecisionLength(d)], new float[2]);
        return (statistics, shift);
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Diagonal)]
    [InlineData(CovarianceType.Spherical)]
    public void Estimate_TinyIndefiniteComponent_BecomesDiagonalAtRegCovar(CovarianceType type)
    {
        PrecisionForm form = type == CovarianceType.Full ? PrecisionForm.Triangular : PrecisionForm.Diagonal;
        (SufficientStatistics statistics, KernelModel shift) = TwoComponents(form);

        MixtureParameters result = MaximizationStep.Estimate(statistics, shift, type, 1e-6);

        Assert.Equal(50.0, result.Means[3], 1e-9);
        Assert.All(result.Covariances, v => Assert.True(v >= 0 && double.IsFinite(v)));
        double componentOneVariance = type switch
        {
            CovarianceType.Full => result.Covariances[9],
            CovarianceType.Diagonal => result.Covariances[3],
            _ => result.Covariances[1],
        };
        Assert.Equal(1e-6, componentOneVariance, 1e-12);
    }

    // The factors are computed once, in one array: after a reset the M-step resumes at the
    // reset component, keeping the factors before it. Every factor must be the one of the
    // covariances returned, whichever component was reset.
    [Theory]
    [InlineData(CovarianceType.Full, 0)]
    [InlineData(CovarianceType.Full, 1)]
    [InlineData(CovarianceType.Diagonal, 0)]
    [InlineData(CovarianceType.Spherical, 1)]
    public void Estimate_ResetComponent_FactorsAreThoseOfTheCovariancesReturned(
        CovarianceType type,
        int degenerate)
    {
        PrecisionForm form = type == CovarianceType.Full ? PrecisionForm.Triangular : PrecisionForm.Diagonal;
        (SufficientStatistics statistics, KernelModel shift) = TwoComponents(form);
        if (degenerate == 0)
        {
            Swap(statistics.Nk, 1);
            Swap(statistics.Sk, statistics.Dimensions);
            Swap(statistics.Qk, form.SecondMomentLength(statistics.Dimensions));
        }

        MixtureParameters result = MaximizationStep.Estimate(statistics, shift, type, 1e-6);
        var fresh = new MixtureParameters(
            type, 2, statistics.Dimensions, [.. result.Weights], [.. result.Means],
            [.. result.Covariances]);

        Assert.Equal(1e-6, result.MarginalCovariance(degenerate, 0, 0).Xx, 1e-12);
        Assert.Equal(fresh.PrecisionsCholesky, result.PrecisionsCholesky);
    }

    /// <summary>Exchanges the two components' blocks of <paramref name="values"/>.</summary>
    private static void Swap(double[] values, int block)
    {
        double[] first = values[..block];
        values.AsSpan(block, block).CopyTo(values);
        first.CopyTo(values, block);
    }

    [Fact]
    public void Estimate_TinyIndefiniteComponentWithoutRegularisation_NamesIt()
    {
        (SufficientStatistics statistics, KernelModel shift) = TwoComponents(PrecisionForm.Triangular);

        var error = Assert.Throws<DegenerateComponentException>(
            () => MaximizationStep.Estimate(statistics, shift, CovarianceType.Full, 0));

        Assert.Equal(1, error.Component);
    }
}
