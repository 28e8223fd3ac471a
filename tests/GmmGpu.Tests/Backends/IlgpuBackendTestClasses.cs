using GmmGpu.Backends.Ilgpu;
using Xunit;

namespace GmmGpu.Tests.Backends;

/// <summary>The ilgpu-cpu backend as production creates it (16 threads a group).</summary>
public sealed class IlgpuCpuBackendTests(IlgpuCpuFixture fixture)
    : IlgpuBackendTests, IClassFixture<IlgpuCpuFixture>
{
    protected override IlgpuBackend Backend => fixture.Backend;
}

/// <summary>The GPU launch shape (128 threads a group, several lanes) on CPU threads.</summary>
public sealed class IlgpuGpuShapeBackendTests(IlgpuGpuShapeFixture fixture)
    : IlgpuBackendTests, IClassFixture<IlgpuGpuShapeFixture>
{
    protected override IlgpuBackend Backend => fixture.Backend;
}
