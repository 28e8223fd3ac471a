namespace GmmGpu.Bench.Gpu;

/// <summary>
/// Datasheet peaks of the cards the targets are set on: memory bandwidth (TB/s) and FP32
/// non-tensor throughput (TFLOP/s). Unknown cards print their figures without a fraction.
/// </summary>
internal readonly record struct CardPeak(string Name, double TerabytesPerSecond, double Teraflops)
{
    public static CardPeak? For(string deviceName) => deviceName switch
    {
        _ when deviceName.Contains("H200", StringComparison.Ordinal) => new("H200", 4.8, 66.9),
        _ when deviceName.Contains("H100", StringComparison.Ordinal)
            && deviceName.Contains("PCIe", StringComparison.OrdinalIgnoreCase) =>
            new("H100 PCIe", 2.0, 51.2),
        _ when deviceName.Contains("H100", StringComparison.Ordinal) => new("H100 SXM", 3.35, 66.9),
        _ when deviceName.Contains("A100", StringComparison.Ordinal) => new("A100", 2.04, 19.5),
        _ => null,
    };
}
