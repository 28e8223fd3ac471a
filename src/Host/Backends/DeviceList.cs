using System.Globalization;
using GmmGpu.Backends.Ilgpu;
using GmmGpu.Engine;

namespace GmmGpu.Backends;

/// <summary>
/// Several accelerators named in one text, e.g. "cuda:all", "cuda:0,cuda:1" or "cpu,ilgpu-cpu":
/// a comma-separated list of kinds (auto, cpu, ilgpu-cpu, cuda, opencl), each optionally with
/// ":N" (the N-th device of that kind, 0-based) or ":all" (every one).
/// </summary>
public static class DeviceList
{
    private static readonly Dictionary<string, ComputeDevice> Kinds =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["auto"] = ComputeDevice.Auto,
            ["cpu"] = ComputeDevice.Cpu,
            ["ilgpu-cpu"] = ComputeDevice.IlgpuCpu,
            ["cuda"] = ComputeDevice.Cuda,
            ["opencl"] = ComputeDevice.OpenCL,
        };

    /// <summary>
    /// Whether <paramref name="text"/> names more than one device or an indexed one.
    /// </summary>
    public static bool IsList(string text) =>
        text.Contains(',', StringComparison.Ordinal)
        || text.Contains(':', StringComparison.Ordinal);

    /// <summary>Creates a backend for each device named; the caller disposes them.</summary>
    /// <param name="text">The list, as above.</param>
    /// <param name="maxDegreeOfParallelism">
    /// Threads of each CPU backend; null uses every core.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The text names an unknown kind or a bad index.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// A named device is not available here.
    /// </exception>
    public static IReadOnlyList<IComputeBackend> Create(
        string text, int? maxDegreeOfParallelism = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var backends = new List<IComputeBackend>();
        try
        {
            foreach (string item in text.Split(',', StringSplitOptions.TrimEntries))
            {
                string[] parts = item.Split(':', 2);
                if (!Kinds.TryGetValue(parts[0], out ComputeDevice kind))
                {
                    throw new ArgumentException(
                        $"unknown device \"{parts[0]}\" in \"{text}\"; use auto, cpu, ilgpu-cpu, "
                        + "cuda or opencl, each optionally :N or :all, separated by commas.");
                }

                if (parts.Length == 1)
                {
                    backends.Add(ComputeBackends.Create(kind, maxDegreeOfParallelism));
                }
                else if (kind is ComputeDevice.Cuda or ComputeDevice.OpenCL)
                {
                    AddIndexed(backends, kind, parts[1], text);
                }
                else
                {
                    throw new ArgumentException(
                        $"\"{item}\" in \"{text}\": only cuda and opencl take :N or :all.");
                }
            }
        }
        catch
        {
            backends.ForEach(backend => backend.Dispose());
            throw;
        }

        return backends;
    }

    private static void AddIndexed(
        List<IComputeBackend> backends, ComputeDevice kind, string which, string text)
    {
        if (string.Equals(which, "all", StringComparison.OrdinalIgnoreCase))
        {
            int count = IlgpuBackend.Count(kind);
            if (count == 0)
            {
                throw new InvalidOperationException(
                    $"\"{text}\": no {kind} device is available here.");
            }

            for (int i = 0; i < count; i++)
            {
                backends.Add(IlgpuBackend.Create(kind, i));
            }
        }
        else if (int.TryParse(
            which, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            backends.Add(IlgpuBackend.Create(kind, index));
        }
        else
        {
            throw new ArgumentException(
                $"\"{kind}:{which}\" in \"{text}\": the index must be a number ≥ 0 or all.");
        }
    }
}
