using GmmGpu.Data;
using GmmGpu.Files;
using GmmGpu.Cli.Features;

namespace GmmGpu.Cli;

/// <summary><c>gmm segment</c>: an image recoloured by the component of each pixel.</summary>
internal static class SegmentCommand
{
    public const string Help = """
        usage: gmm segment IMAGE.png|jpg -k K -o SEGMENTED.png [options]

        Colour segmentation: each pixel is a point (its colour, and with --with-xy its
        position); a K-component mixture is fitted and every pixel is recoloured by the mean
        colour of its component.

        options:
          -k, --components K  number of segments, >= 1
          --space SPACE       rgb | lab (default rgb)
          --with-xy           add the pixel position to the features
          --covariance TYPE   full | tied | diag | spherical (default full)
          -o, --output FILE   the recoloured image (.png, .jpg)
          --labels FILE       each pixel's component, shape (H*W), row-major (.npy or CSV)
          --seed S            seed (default 0)
          --max-iter M        most EM iterations (default 100)
          --reg-covar R       added to every covariance's diagonal, >= 0 (default 0.01:
                              colours are whole numbers, and a flat-colour area (charts,
                              cartoons) would otherwise collapse to a singular covariance)
          --device DEVICE     auto | cuda | opencl | ilgpu-cpu | cpu (default auto)
          --json              one JSON object on stdout
          --quiet             no progress lines on stderr
          -h, --help          this text

        example:
          gmm segment photo.jpg -k 6 --space lab -o segmented.png
        """;

    private static readonly Dictionary<string, string> Values = CommandSupport.Table(
        "-k|--components", "--space", "--covariance", "-o|--output", "--labels", "--seed",
        "--device", "--max-iter", "--reg-covar");

    private static readonly Dictionary<string, ColourSpace> Spaces = new()
    {
        ["rgb"] = ColourSpace.Rgb, ["lab"] = ColourSpace.Lab,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken t)
    {
        if (CommandSupport.Parse(args, Values, CommandSupport.Flags("--with-xy"), Help, stdout)
            is not { } line)
        {
            return 0;
        }

        CommandSupport.ExpectPositional(line, "segment", "IMAGE");
        int k = line.GetInt("-k", 1) ?? throw new UsageException("segment needs -k K");
        string output = CommandSupport.Required(line, "-o", "segment");
        string? labelsPath = line.Get("--labels");
        CommandSupport.CheckOutput(output, ".png", ".jpg", ".jpeg");
        CommandSupport.CheckOutput(labelsPath, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct(line.Positional, ("-o", output), ("--labels", labelsPath));
        var options = new GaussianMixtureOptions
        {
            Components = k,
            CovarianceType = line.GetChoice("--covariance", CommandSupport.CovarianceTypes)
                ?? CovarianceType.Full,
            Seed = line.GetInt("--seed", int.MinValue) ?? 0,
            MaxIterations = line.GetInt("--max-iter", 1) ?? 100,
            RegCovar = line.GetDouble("--reg-covar", 0) ?? 0.01,
            Device = CommandSupport.Device(line),
        };
        bool json = line.Has("--json"), quiet = json || line.Has("--quiet");
        SegmentationResult result = ImageSegmentation.Segment(
            line.Positional[0], line.GetChoice("--space", Spaces) ?? ColourSpace.Rgb,
            line.Has("--with-xy"), options, new ProgressPrinter(stderr, quiet, 1), t);
        // Both outputs are written in full before either replaces its target.
        using OutputFile image = OutputFile.Prepare(
            output, stream => ImageSegmentation.WriteRecoloured(result, output, stream));
        using TableWriter? labels = labelsPath is null
            ? null
            : TableWriter.Create(
                labelsPath, result.Labels.Length, ["label"], TableElement.Int32, true);
        labels?.WriteRows<int>(result.Labels);
        labels?.Finish();
        image.Commit();
        labels?.Commit();

        if (json)
        {
            CommandSupport.WriteJson(stdout, w =>
            {
                w.WriteNumber("width", result.Width);
                w.WriteNumber("height", result.Height);
                w.WriteNumber("n_components", k);
                w.WriteNumber("n_iter", result.Model.Iterations);
                w.WriteString("output", output);
            });
            return 0;
        }

        stdout.WriteLine(CommandSupport.Format(
            $"image             {result.Width} x {result.Height} pixels"));
        stdout.WriteLine(CommandSupport.Format($"iterations        {result.Model.Iterations}"));
        for (int c = 0; c < k; c++)
        {
            byte[] rgb = result.Colours;
            stdout.WriteLine(CommandSupport.Format(
                $"segment {c,-9} #{rgb[c * 3]:X2}{rgb[(c * 3) + 1]:X2}{rgb[(c * 3) + 2]:X2}"));
        }

        stdout.WriteLine($"output            {output}");
        return 0;
    }
}
