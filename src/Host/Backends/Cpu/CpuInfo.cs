namespace GmmGpu.Backends.Cpu;

/// <summary>The processor's model name, read from /proc/cpuinfo where it exists.</summary>
internal static class CpuInfo
{
    private const string Fallback = "CPU";

    public static string ModelName()
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo"))
            {
                return Fallback;
            }

            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    string name = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
                    return name.Length == 0 ? Fallback : name;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Fallback;
    }
}
