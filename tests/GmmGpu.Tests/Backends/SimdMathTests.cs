using System.Runtime.Intrinsics;
using GmmGpu.Backends.Cpu;
using Xunit;

namespace GmmGpu.Tests.Backends;

public class SimdMathTests
{
    [Fact]
    public void Exp_NonPositiveArguments_MatchesMathExpToFewUlp()
    {
        for (float x = -87f; x <= 0; x += 0.0137f)
        {
            float actual = SimdMath.Exp(Vector256.Create(x)).GetElement(3);

            Assert.Equal(Math.Exp(x), actual, 3e-7 * Math.Exp(x));
        }
    }

    [Fact]
    public void Exp_BelowFloatRangeOrMinusInfinity_IsExactlyZero()
    {
        Vector256<float> x = Vector256.Create(-88f, -100f, -1e30f, float.NegativeInfinity,
            -float.MaxValue, -90f, -200f, -1e10f);

        Assert.Equal(Vector256<float>.Zero, SimdMath.Exp(x));
    }

    [Fact]
    public void Log_PositiveArguments_MatchesMathLog()
    {
        for (float x = 1e-3f; x < 1e4f; x *= 1.01f)
        {
            float actual = SimdMath.Log(Vector256.Create(x)).GetElement(5);

            Assert.Equal(Math.Log(x), actual, 2e-7 * (1 + Math.Abs(Math.Log(x))));
        }
    }
}
