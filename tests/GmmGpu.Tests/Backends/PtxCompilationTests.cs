using System.Reflection;
using GmmGpu.Kernels;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>
/// Compiles every kernel of GmmGpu.Kernels to PTX without a GPU, with the algorithms library
/// enabled as on a real device, so a kernel that cannot run on CUDA fails here rather than on
/// the first GPU machine. Kernels are found by reflection: each static class named *Kernel
/// with an Execute method; an Index1D first parameter means implicitly grouped.
/// </summary>
public sealed class PtxCompilationTests
{
    public static TheoryData<string, int> KernelsAndArchitectures()
    {
        var cases = new TheoryData<string, int>();
        foreach (Type kernel in KernelTypes())
        {
            cases.Add(kernel.Name, 70);
            cases.Add(kernel.Name, 90);
        }

        return cases;
    }

    [Fact]
    public void KernelTypes_IncludeEveryKernelOfTheLibrary()
    {
        string[] names = [.. KernelTypes().Select(t => t.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(
            [
                nameof(DensityGridKernel),
                nameof(LloydAssignKernel),
                nameof(PredictKernel),
                nameof(ReducePartialsKernel),
                nameof(ResponsibilitiesKernel),
                nameof(ResponsibilityStatsKernel),
                nameof(SampleByMinSquaredDistanceKernel),
                nameof(ScoreSamplesKernel),
                nameof(WarpStatsKernel),
            ],
            names);
    }

    [Theory]
    [MemberData(nameof(KernelsAndArchitectures))]
    public void Kernel_CompilesToPtx(string kernelName, int smVersion)
    {
        string ptx = CompilePtx(EntryPoint(kernelName), smVersion);

        // ILGPU 1.5.3 writes ".target sm_80" for SM_90 (PTX is forward-compatible; the
        // driver JIT-compiles it for the device), so only the prefix is checked here.
        Assert.Contains(".target sm_", ptx, StringComparison.Ordinal);
        Assert.Contains(".entry", ptx, StringComparison.Ordinal);
    }

    /// <summary>The warp kernel is generic over D: every specialisation compiles.</summary>
    [Theory]
    [InlineData(70)]
    [InlineData(90)]
    public void WarpStatsKernel_EveryDimension_CompilesToPtx(int smVersion)
    {
        MethodInfo execute = typeof(WarpStatsKernel).GetMethod(nameof(WarpStatsKernel.Execute))!;
        Type[] features =
        [
            typeof(Features1), typeof(Features2), typeof(Features3), typeof(Features4),
            typeof(Features5), typeof(Features6), typeof(Features7), typeof(Features8),
        ];
        foreach (Type feature in features)
        {
            string ptx = CompilePtx(
                EntryPointDescription.FromExplicitlyGroupedKernel(
                    execute.MakeGenericMethod(feature)),
                smVersion);

            // The butterfly of shuffles is real warp shuffles, not shared memory.
            Assert.Contains("shfl.sync.idx", ptx, StringComparison.Ordinal);
        }
    }

    /// <summary>Compiles one entry point to PTX with the algorithms library, as on a GPU.</summary>
    internal static string CompilePtx(EntryPointDescription entry, int smVersion)
    {
        (CudaArchitecture architecture, CudaInstructionSet instructionSet) = smVersion == 70
            ? (CudaArchitecture.SM_70, CudaInstructionSet.ISA_70)
            : (CudaArchitecture.SM_90, CudaInstructionSet.ISA_80);
        using Context context = Context.Create(builder => builder.Default().EnableAlgorithms());
        using var backend = new PTXBackend(
            context,
            new CudaCapabilityContext(architecture),
            architecture,
            instructionSet,
            nvvmAPI: null);
        return ((PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty))
            .PTXAssembly;
    }

    /// <summary>Every static class named *Kernel with a public static Execute method.</summary>
    internal static IEnumerable<Type> KernelTypes() =>
        typeof(ResponsibilityStatsKernel).Assembly.GetExportedTypes().Where(
            t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Kernel", StringComparison.Ordinal)
                && t.GetMethod("Execute", BindingFlags.Public | BindingFlags.Static) is not null);

    /// <summary>The entry point of a kernel: implicitly grouped when it takes an Index1D.</summary>
    internal static EntryPointDescription EntryPoint(string kernelName)
    {
        MethodInfo method = KernelTypes().Single(t => t.Name == kernelName)
            .GetMethod("Execute", BindingFlags.Public | BindingFlags.Static)!;
        if (method.IsGenericMethodDefinition)
        {
            // Kernels generic over D (IFeatureCount): the largest specialisation.
            method = method.MakeGenericMethod(typeof(Features8));
        }

        bool implicitlyGrouped = method.GetParameters()[0].ParameterType == typeof(Index1D);
        return implicitlyGrouped
            ? EntryPointDescription.FromImplicitlyGroupedKernel(method)
            : EntryPointDescription.FromExplicitlyGroupedKernel(method);
    }
}
