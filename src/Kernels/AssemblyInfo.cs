using System.Runtime.CompilerServices;

// ILGPU compiles kernels through a runtime assembly that must see internal members.
[assembly: InternalsVisibleTo(ILGPU.Context.RuntimeAssemblyName)]
