namespace GmmGpu;

/// <summary>Where the EM passes run.</summary>
public enum ComputeDevice
{
    /// <summary>CUDA if an NVIDIA GPU works, else a GPU OpenCL device, else <see cref="Cpu"/>.</summary>
    Auto,

    /// <summary>Hand-written SIMD (Vector256) over all cores: the fast CPU path.</summary>
    Cpu,

    /// <summary>The ILGPU kernels on ILGPU's CPU accelerator: the GPU code, run on CPU threads.</summary>
    IlgpuCpu,

    /// <summary>The ILGPU kernels on an NVIDIA GPU.</summary>
    Cuda,

    /// <summary>The ILGPU kernels on a GPU OpenCL device.</summary>
    OpenCL,
}
