using GmmGpu.Tests.Reference;
using Xunit;

namespace GmmGpu.Tests.Mixture;

/// <summary>The same kernels on the ILGPU CPU accelerator and the SIMD path give the same fit.</summary>
public class BackendAgreementTests
{
    public static TheoryData<CovarianceType> Types => new(TestBackends.CovarianceTypes);

    [Theory]
    [MemberData(nameof(Types))]
    public void Fit_CpuAndIlgpuCpu_GiveTheSameModel(CovarianceType type)
    {
        (float[] data, _) = Blobs.Create(6000, seed: 21);
        GaussianMixtureOptions options = FitBehaviourTests.Options(ComputeDevice.Cpu) with
        {
            CovarianceType = type, Init = InitMethod.RandomFromData, Tolerance = 0, MaxIterations = 20,
        };

        GaussianMixtureModel cpu = Fit(data, options);
        GaussianMixtureModel ilgpu = Fit(data, options with { Device = ComputeDevice.IlgpuCpu });

        NumericAssert.Close(cpu.LowerBound, ilgpu.LowerBound, 1e-7, 0, "lower bound");
        NumericAssert.Close(cpu.Weights, ilgpu.Weights, 1e-5, 1e-9, "weights");
        NumericAssert.Close(cpu.Means, ilgpu.Means, 1e-5, 1e-6, "means");
        NumericAssert.Close(cpu.Covariances, ilgpu.Covariances, 1e-5, 1e-6, "covariances");
    }

    private static GaussianMixtureModel Fit(float[] data, GaussianMixtureOptions options)
    {
        using var mixture = new GaussianMixture(options);
        return mixture.Fit(data, 2, cancellationToken: TestContext.Current.CancellationToken);
    }
}
