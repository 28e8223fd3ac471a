namespace GmmGpu.Viewer.Export;

/// <summary>
/// A palette of at most 256 colours for an opaque frame, by Wu's colour quantizer (X. Wu,
/// "Efficient statistical computations for optimal color quantization", Graphics Gems II,
/// 1991): the colours are binned 32 levels a channel, and the box of bins with the largest
/// squared error is cut in two along the plane that leaves the least error, until there are
/// enough boxes; each box gives the mean of its colours. ImageSharp's own Wu quantizer bins
/// alpha too: its 33⁴-entry table cost ~200 ms a frame whatever the frame's size, 12× the
/// whole frame's encoding with this palette (one GIF frame 1280×720: 17 against 198 ms).
/// </summary>
internal static class WuPalette
{
    /// <summary>Bins a channel, plus the zero row that the cumulative moments start from.</summary>
    private const int Side = 33;

    private const int Shift = 3;

    private enum Axis
    {
        Red,
        Green,
        Blue,
    }

    /// <summary>
    /// The colours of <paramref name="rgba"/> (bytes R, G, B, A per pixel; alpha is not
    /// looked at): at most <paramref name="most"/> (1 to 256), as R, G, B bytes each, at
    /// least one for a frame of at least one pixel.
    /// </summary>
    public static byte[] Create(ReadOnlySpan<byte> rgba, int most = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(most, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(most, 256);
        var moments = new Moments();
        moments.Add(rgba);
        moments.Accumulate();
        var boxes = new Box[most];
        var errors = new double[most];
        boxes[0] = new Box(0, Side - 1, 0, Side - 1, 0, Side - 1);
        int count = 1, next = 0;
        while (count < most)
        {
            if (moments.Cut(ref boxes[next], out boxes[count]))
            {
                errors[next] = boxes[next].Bins > 1 ? moments.Error(boxes[next]) : 0;
                errors[count] = boxes[count].Bins > 1 ? moments.Error(boxes[count]) : 0;
                count++;
            }
            else
            {
                // No plane splits it into two non-empty boxes: never try it again.
                errors[next] = 0;
            }

            next = 0;
            for (int k = 1; k < count; k++)
            {
                next = errors[k] > errors[next] ? k : next;
            }

            if (errors[next] <= 0)
            {
                break;
            }
        }

        var palette = new List<byte>(count * 3);
        for (int k = 0; k < count; k++)
        {
            long weight = moments.Sum(boxes[k], moments.Weight);
            if (weight > 0)
            {
                palette.Add(Mean(moments.Sum(boxes[k], moments.Red), weight));
                palette.Add(Mean(moments.Sum(boxes[k], moments.Green), weight));
                palette.Add(Mean(moments.Sum(boxes[k], moments.Blue), weight));
            }
        }

        return [.. palette];
    }

    private static byte Mean(long sum, long weight) => (byte)Math.Round((double)sum / weight);

    private static int At(int r, int g, int b) => (((r * Side) + g) * Side) + b;

    /// <summary>
    /// Bins (R0, R1] × (G0, G1] × (B0, B1] of the table, in bin coordinates 0..32 (bin 0 is
    /// the empty row before the first).
    /// </summary>
    private record struct Box(int R0, int R1, int G0, int G1, int B0, int B1)
    {
        public readonly int Bins => (R1 - R0) * (G1 - G0) * (B1 - B0);
    }

    /// <summary>
    /// Per bin: the pixel count, the sums of R, G and B, and the sum of R² + G² + B²; once
    /// accumulated, each entry holds the sums over every bin at or below it on all three
    /// axes, so any box's sums take eight lookups.
    /// </summary>
    private sealed class Moments
    {
        public long[] Weight { get; } = new long[Side * Side * Side];

        public long[] Red { get; } = new long[Side * Side * Side];

        public long[] Green { get; } = new long[Side * Side * Side];

        public long[] Blue { get; } = new long[Side * Side * Side];

        public double[] Squares { get; } = new double[Side * Side * Side];

        public void Add(ReadOnlySpan<byte> rgba)
        {
            for (int p = 0; p + 3 < rgba.Length; p += 4)
            {
                int r = rgba[p], g = rgba[p + 1], b = rgba[p + 2];
                int i = At((r >> Shift) + 1, (g >> Shift) + 1, (b >> Shift) + 1);
                Weight[i]++;
                Red[i] += r;
                Green[i] += g;
                Blue[i] += b;
                Squares[i] += (r * r) + (g * g) + (b * b);
            }
        }

        /// <summary>Turns the bins' sums into cumulative sums.</summary>
        public void Accumulate()
        {
            Accumulate(Weight);
            Accumulate(Red);
            Accumulate(Green);
            Accumulate(Blue);
            Accumulate(Squares);
        }

        private static void Accumulate<T>(T[] m)
            where T : struct, System.Numerics.INumber<T>
        {
            // Along b, then g, then r: after each pass an entry sums the bins below it on the
            // axes done so far.
            for (int r = 1; r < Side; r++)
            {
                for (int g = 1; g < Side; g++)
                {
                    for (int b = 1; b < Side; b++)
                    {
                        m[At(r, g, b)] += m[At(r, g, b - 1)] + m[At(r, g - 1, b)]
                            - m[At(r, g - 1, b - 1)] + m[At(r - 1, g, b)]
                            - m[At(r - 1, g, b - 1)] - m[At(r - 1, g - 1, b)]
                            + m[At(r - 1, g - 1, b - 1)];
                    }
                }
            }
        }

        /// <summary>The sum of <paramref name="m"/> over the box.</summary>
        public T Sum<T>(in Box c, T[] m)
            where T : struct, System.Numerics.INumber<T> =>
            m[At(c.R1, c.G1, c.B1)] - m[At(c.R1, c.G1, c.B0)] - m[At(c.R1, c.G0, c.B1)]
            + m[At(c.R1, c.G0, c.B0)] - m[At(c.R0, c.G1, c.B1)] + m[At(c.R0, c.G1, c.B0)]
            + m[At(c.R0, c.G0, c.B1)] - m[At(c.R0, c.G0, c.B0)];

        /// <summary>The box's squared error about its mean colour.</summary>
        public double Error(in Box c)
        {
            double r = Sum(c, Red), g = Sum(c, Green), b = Sum(c, Blue);
            return Sum(c, Squares) - (((r * r) + (g * g) + (b * b)) / Sum(c, Weight));
        }

        /// <summary>
        /// Cuts <paramref name="one"/> in two along the plane, on any axis, that leaves the
        /// least squared error: <paramref name="one"/> keeps the lower part,
        /// <paramref name="two"/> gets the upper. False, and both unchanged, when no plane
        /// leaves pixels on both sides.
        /// </summary>
        public bool Cut(ref Box one, out Box two)
        {
            two = one;
            Box c = one;
            (double red, int atRed) = BestCut(c, Axis.Red, c.R0 + 1, c.R1);
            (double green, int atGreen) = BestCut(c, Axis.Green, c.G0 + 1, c.G1);
            (double blue, int atBlue) = BestCut(c, Axis.Blue, c.B0 + 1, c.B1);
            if (red >= green && red >= blue)
            {
                if (atRed < 0)
                {
                    return false;
                }

                (one.R1, two.R0) = (atRed, atRed);
            }
            else if (green >= blue)
            {
                (one.G1, two.G0) = (atGreen, atGreen);
            }
            else
            {
                (one.B1, two.B0) = (atBlue, atBlue);
            }

            return true;
        }

        /// <summary>
        /// Of the planes after bins first..last−1 along <paramref name="axis"/>, the one that
        /// leaves two non-empty parts with the largest Σ |sum of colours|² / count (the least
        /// squared error), and that score; (0, −1) when there is none.
        /// </summary>
        private (double Score, int At) BestCut(in Box c, Axis axis, int first, int last)
        {
            long wholeWeight = Sum(c, Weight);
            double wholeRed = Sum(c, Red), wholeGreen = Sum(c, Green), wholeBlue = Sum(c, Blue);
            (double best, int at) = (0, -1);
            for (int i = first; i < last; i++)
            {
                Box lower = axis switch
                {
                    Axis.Red => c with { R1 = i },
                    Axis.Green => c with { G1 = i },
                    _ => c with { B1 = i },
                };
                long weight = Sum(lower, Weight);
                if (weight == 0 || weight == wholeWeight)
                {
                    continue;
                }

                double r = Sum(lower, Red), g = Sum(lower, Green), b = Sum(lower, Blue);
                double score = (((r * r) + (g * g) + (b * b)) / weight)
                    + ((Square(wholeRed - r) + Square(wholeGreen - g) + Square(wholeBlue - b))
                        / (wholeWeight - weight));
                if (score > best)
                {
                    (best, at) = (score, i);
                }
            }

            return (best, at);
        }

        private static double Square(double x) => x * x;
    }
}
