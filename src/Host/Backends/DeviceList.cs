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

    /// <summary>
    /// Checks the list's syntax without creating anything: each item is a known kind, and only
    /// cuda and opencl take ":N" (N ≥ 0) or ":all".
    /// </summary>
    /// <exception cref="ArgumentException">The text is not such a list.</exception>
    public static void Validate(string text) => _ = Parse(text);

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
        var backends = new List<IComputeBackend>();
        try
        {
            foreach ((ComputeDevice kind, string? which) in Parse(text))
            {
                if (which is null)
                {
                    backends.Add(ComputeBackends.Create(kind, maxDegreeOfParallelism));
                }
                else if (which == "all")
                {
                    AddAll(backends, kind, text);
                }
                else
                {
                    backends.Add(IlgpuBackend.Create(
                        kind, int.Parse(which, NumberStyles.None, CultureInfo.InvariantCulture)));
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

    /// <summary>Each item's kind, and its index text ("all" or digits) or null.</summary>
    private static List<(ComputeDevice Kind, string? Which)> Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var items = new List<(ComputeDevice, string?)>();
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
                items.Add((kind, null));
            }
            else if (kind is not (ComputeDevice.Cuda or ComputeDevice.OpenCL))
            {
                throw new ArgumentException(
                    $"\"{item}\" in \"{text}\": only cuda and opencl take :N or :all.");
            }
            else if (string.Equals(parts[1], "all", StringComparison.OrdinalIgnoreCase))
            {
                items.Add((kind, "all"));
            }
            else if (int.TryParse(
                parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                items.Add((kind, parts[1]));
            }
            else
            {
                throw new ArgumentException(
                    $"\"{item}\" in \"{text}\": the index must be a number ≥ 0 or all.");
            }
        }

        return items;
    }

    private static void AddAll(List<IComputeBackend> backends, ComputeDevice kind, string text)
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
}
