using System.Runtime.Intrinsics;
using GmmGpu.Backends.Cpu.Blocked;
using GmmGpu.Engine;

namespace GmmGpu.Backends.Cpu;

/// <summary>
/// The cost model that picks the CPU pass for a model. The crossovers were measured on the
/// development machine (bench/README.md, "Blocked CPU pass"): the blocked pass wins once the
/// products are large enough to fill its 8×32 register tiles.
/// </summary>
internal static class CpuPassChoice
{
    /// <summary>Triangular factors: the blocked pass from this D on.</summary>
    public const int TriangularMinDimensions = 12;

    /// <summary>Diagonal factors: the blocked pass from this D on ...</summary>
    public const int DiagonalMinDimensions = 8;

    /// <summary>... when K·D reaches this.</summary>
    public const int DiagonalMinWork = 64;

    /// <summary>The blocked pass to run for <paramref name="model"/>; null: the SIMD pass.</summary>
    public static IBlockedPass? Select(KernelModel model, CpuPass pass) =>
        UsesBlocked(model, pass) ? Create(model) : null;

    /// <summary>Whether <paramref name="pass"/> runs the blocked pass for
    /// <paramref name="model"/>.</summary>
    public static bool UsesBlocked(KernelModel model, CpuPass pass) =>
        pass == CpuPass.Blocked || (pass == CpuPass.Auto && PrefersBlocked(model));

    /// <summary>A new blocked pass for <paramref name="model"/>'s form.</summary>
    public static IBlockedPass Create(KernelModel model) =>
        model.Form == PrecisionForm.Triangular
            ? new TriangularBlockedPass(model)
            : new DiagonalBlockedPass(model);

    /// <summary>Whether D, K and the form put the model on the blocked side.</summary>
    public static bool PrefersBlocked(KernelModel model)
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return false;
        }

        int d = model.Dimensions;
        return model.Form == PrecisionForm.Triangular
            ? d >= TriangularMinDimensions
            : d >= DiagonalMinDimensions && d * model.Components >= DiagonalMinWork;
    }
}
