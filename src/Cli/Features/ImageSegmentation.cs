using GmmGpu.Data;
using GmmGpu.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GmmGpu.Cli.Features;

/// <summary>The colour space of the features of <see cref="ImageSegmentation"/>.</summary>
public enum ColorSpace
{
    /// <summary>R, G, B in [0, 255].</summary>
    Rgb,

    /// <summary>CIE L*a*b* (D65), L in [0, 100].</summary>
    Lab,
}

/// <summary>A segmented image: a label per pixel and each component's mean colour.</summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Labels">Component of each pixel, shape (Height, Width), row-major.</param>
/// <param name="Colors">Mean RGB of each component's pixels, shape (K, 3), bytes.</param>
/// <param name="Model">The mixture fitted to the pixels.</param>
public sealed record SegmentationResult(
    int Width, int Height, int[] Labels, byte[] Colors, GaussianMixtureModel Model);

/// <summary><c>gmm segment</c>: colour segmentation of an image with a Gaussian mixture.</summary>
public static class ImageSegmentation
{
    /// <summary>
    /// Reads a PNG or JPEG image as pixels (one point per pixel, features the colour in
    /// <paramref name="space"/>, plus x and y scaled to [0, 255] when
    /// <paramref name="withXy"/>), as shape (Width·Height, 3 or 5).
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, truncated, not an image or
    /// has no pixels.</exception>
    internal static (float[] Features, int Width, int Height, Rgb24[] Pixels) ReadPixels(
        string path, ColorSpace space, bool withXy)
    {
        (Rgb24[] pixels, int width, int height) = RgbImageReader.Read(path);
        int d = withXy ? 5 : 3;
        var features = new float[pixels.Length * d];
        double scale = 255.0 / Math.Max(1, Math.Max(width, height) - 1);
        for (int i = 0; i < pixels.Length; i++)
        {
            Span<float> row = features.AsSpan(i * d, d);
            Rgb24 p = pixels[i];
            if (space == ColorSpace.Lab)
            {
                ToLab(p, row);
            }
            else
            {
                row[0] = p.R;
                row[1] = p.G;
                row[2] = p.B;
            }

            if (withXy)
            {
                row[3] = (float)(i % width * scale);
                row[4] = (float)(i / width * scale);
            }
        }

        return (features, width, height, pixels);
    }

    /// <summary>
    /// Fits a K-component mixture to the pixels of the image and labels every pixel.
    /// </summary>
    /// <param name="path">A PNG or JPEG file.</param>
    /// <param name="options">The fit's settings (K, covariance type, seed, device ...).</param>
    /// <exception cref="DataFormatException">The file is missing or not an image.</exception>
    /// <exception cref="ArgumentException">K is larger than the number of pixels.</exception>
    public static SegmentationResult Segment(
        string path,
        ColorSpace space,
        bool withXy,
        GaussianMixtureOptions options,
        IProgress<IterationSnapshot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        (float[] features, int width, int height, Rgb24[] pixels) =
            ReadPixels(path, space, withXy);
        int d = withXy ? 5 : 3;
        using var mixture = new GaussianMixture(options);
        GaussianMixtureModel model = mixture.Fit(features, d, progress, cancellationToken);
        int[] labels = model.Predict(features, mixture.Backend);
        int k = model.Components;
        var sums = new double[k * 3];
        var counts = new long[k];
        for (int i = 0; i < labels.Length; i++)
        {
            int c = labels[i];
            counts[c]++;
            sums[c * 3] += pixels[i].R;
            sums[(c * 3) + 1] += pixels[i].G;
            sums[(c * 3) + 2] += pixels[i].B;
        }

        var colours = new byte[k * 3];
        for (int i = 0; i < colours.Length; i++)
        {
            colours[i] = (byte)Math.Round(sums[i] / Math.Max(1, counts[i / 3]));
        }

        return new SegmentationResult(width, height, labels, colours, model);
    }

    /// <summary>
    /// Writes the image recoloured by each pixel's component colour, as PNG or JPEG by the
    /// extension, atomically (temporary file in the same folder, then moved).
    /// </summary>
    /// <exception cref="IOException">The folder is missing.</exception>
    /// <exception cref="ArgumentException">The extension is not .png, .jpg or .jpeg.</exception>
    public static void SaveRecoloured(SegmentationResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckImageExtension(path);
        OutputFile.Write(path, stream => WriteRecoloured(result, path, stream));
    }

    /// <summary>Encodes the recoloured image into <paramref name="stream"/> as PNG or JPEG by
    /// the extension of <paramref name="path"/>.</summary>
    internal static void WriteRecoloured(SegmentationResult result, string path, Stream stream)
    {
        bool png = CheckImageExtension(path);
        var pixels = new Rgb24[result.Labels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            int c = result.Labels[i] * 3;
            pixels[i] = new Rgb24(result.Colors[c], result.Colors[c + 1], result.Colors[c + 2]);
        }

        using Image<Rgb24> image = Image.LoadPixelData<Rgb24>(pixels, result.Width, result.Height);
        if (png)
        {
            image.SaveAsPng(stream);
        }
        else
        {
            image.SaveAsJpeg(stream);
        }
    }

    /// <summary>True for .png, false for .jpg/.jpeg.</summary>
    private static bool CheckImageExtension(string path)
    {
        string extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".PNG" or ".JPG" or ".JPEG"))
        {
            throw new ArgumentException(
                $"cannot write {path}: use a .png, .jpg or .jpeg output.", nameof(path));
        }

        return extension == ".PNG";
    }

    /// <summary>sRGB (D65) to CIE L*a*b*.</summary>
    private static void ToLab(Rgb24 pixel, Span<float> lab)
    {
        double r = Linear(pixel.R), g = Linear(pixel.G), b = Linear(pixel.B);
        double x = ((0.4124 * r) + (0.3576 * g) + (0.1805 * b)) / 0.95047;
        double y = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        double z = ((0.0193 * r) + (0.1192 * g) + (0.9505 * b)) / 1.08883;
        double fx = F(x), fy = F(y), fz = F(z);
        lab[0] = (float)((116 * fy) - 16);
        lab[1] = (float)(500 * (fx - fy));
        lab[2] = (float)(200 * (fy - fz));

        static double Linear(byte v)
        {
            double c = v / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        static double F(double t) =>
            t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;
    }
}
