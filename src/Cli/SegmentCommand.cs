using System.CommandLine;
using GmmGpu.Cli.Parsing;
using GmmGpu.Covariance;
using GmmGpu.Data;
using GmmGpu.Files;
using GmmGpu.Cli.Features;

namespace GmmGpu.Cli;

/// <summary><c>gmm segment</c>: an image recoloured by the component of each pixel.</summary>
internal static class SegmentCommand
{
    private static readonly Dictionary<string, ColorSpace> Spaces = new()
    {
        ["rgb"] = ColorSpace.Rgb, ["lab"] = ColorSpace.Lab,
    };

    /// <summary><c>gmm segment</c>: its arguments and options.</summary>
    public static Command Create(CommandContext context)
    {
        Argument<string> image = GmmOptions.File("IMAGE", "the picture (.png, .jpg)");
        Option<int?> k = GmmOptions.Integer("--components", "K", "number of segments, ≥ 1", 1,
            "-k");
        k.Required = true;
        Option<Choice<ColorSpace>> space =
            GmmOptions.OneOf("--space", "the colours' space", Spaces, ColorSpace.Rgb);
        Option<bool> withXy =
            GmmOptions.Flag("--with-xy", "add the pixel position to the features");
        Option<Choice<CovarianceType>?> covariance =
            GmmOptions.Covariance("covariance type (default full)");
        Option<string?> output = GmmOptions.Output(
            "FILE", "the recoloured image (.png, .jpg)", required: true);
        Option<string?> labels = GmmOptions.Text(
            "--labels", "FILE", "each pixel's component, shape (H*W), row-major (.npy or CSV)");
        Option<int> seed = GmmOptions.Seed(0);
        Option<int> maxIter = GmmOptions.MaxIter();
        Option<double> regCovar = GmmOptions.RegCovar(
            0.01,
            ": colours are whole numbers, and a flat-colour area (charts, cartoons) would "
            + "otherwise collapse to a singular covariance");
        Option<Choice<ComputeDevice>> device = GmmOptions.Device();
        var command = new GmmCommand(
            "segment",
            "Colour segmentation: each pixel is a point (its colour, and with --with-xy its "
            + "position); a K-component mixture is fitted and every pixel is recoloured by the "
            + "mean colour of its component.")
        {
            image, k, space, withXy, covariance, output, labels, seed, maxIter, regCovar, device,
        };
        command.Examples.Add("gmm segment photo.jpg -k 6 --space lab -o segmented.png");
        command.SetAction(parse =>
        {
            var options = new GaussianMixtureOptions
            {
                Components = parse.GetValue(k)!.Value,
                CovarianceType = parse.GetValue(covariance)?.Value ?? CovarianceType.Full,
                Seed = parse.GetValue(seed),
                MaxIterations = parse.GetValue(maxIter),
                RegCovar = parse.GetValue(regCovar),
                Device = parse.GetValue(device).Value,
            };
            return Run(
                (parse.GetValue(image)!, parse.GetValue(space).Value, parse.GetValue(withXy)),
                options,
                (parse.GetValue(output)!, parse.GetValue(labels)),
                context.Style(parse),
                context);
        });
        return command;
    }

    private static int Run(
        (string Path, ColorSpace Space, bool WithXy) input,
        GaussianMixtureOptions options,
        (string Image, string? Labels) outputs,
        OutputStyle style,
        CommandContext context)
    {
        (string output, string? labelsPath) = outputs;
        int k = options.Components;
        CommandSupport.CheckOutput(output, ".png", ".jpg", ".jpeg");
        CommandSupport.CheckOutput(labelsPath, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct([input.Path], ("-o", output), ("--labels", labelsPath));
        (TextWriter stdout, TextWriter stderr, CancellationToken t) =
            (context.Stdout, context.Stderr, context.CancellationToken);
        var progress = new ProgressPrinter(stderr, !style.Progress, 1);
        SegmentationResult result = ImageSegmentation.Segment(
            input.Path, input.Space, input.WithXy, options, progress, t);
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

        if (style.Json)
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
            byte[] rgb = result.Colors;
            stdout.WriteLine(CommandSupport.Format(
                $"segment {c,-9} #{rgb[c * 3]:X2}{rgb[(c * 3) + 1]:X2}{rgb[(c * 3) + 2]:X2}"));
        }

        stdout.WriteLine($"output            {output}");
        return 0;
    }
}
