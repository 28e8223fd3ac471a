using System.CommandLine;
using GmmGpu.Cli.Parsing;
using GmmGpu.Data;

namespace GmmGpu.Cli;

/// <summary>What a model applied to data reads (<c>predict</c>, <c>score</c>,
/// <c>anomalies</c>).</summary>
internal sealed record ModelDataInputs(
    string ModelPath,
    string DataPath,
    string? OutputPath,
    IReadOnlyList<string>? Columns,
    ComputeDevice Device,
    bool Json)
{
    /// <summary>
    /// Checks -o (a table, not an input), loads the model and opens the data a batch at a time
    /// (files larger than memory too), whose width must be the model's: all before any work.
    /// </summary>
    public (GaussianMixtureModel Model, IRowSource Data) Open()
    {
        CommandSupport.CheckOutput(OutputPath, CommandSupport.TableExtensions);
        CommandSupport.CheckDistinct([ModelPath, DataPath], ("-o", OutputPath));
        GaussianMixtureModel model = GaussianMixtureModel.Load(ModelPath);
        IRowSource data = RowSources.Open(DataPath, Columns);
        try
        {
            CommandSupport.CheckFeatures(
                DataPath, data.ColumnNames, ModelPath, model.Parameters.Dimensions);
            return (model, data);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }
}

/// <summary>
/// The arguments and options of the commands that apply a model to data: MODEL, DATA,
/// <c>-o</c>, <c>--columns</c> and <c>--device</c>.
/// </summary>
internal sealed class ModelDataCommandLine(string outputName, string outputDescription)
{
    private readonly Argument<string> model = GmmOptions.File("MODEL", "the fitted model (.json)");
    private readonly Argument<string> data = GmmOptions.File(
        "DATA", "the points (.npy, .csv, .tsv, .txt, .parquet), read 65536 rows at a time");
    private readonly Option<string?> output =
        GmmOptions.Output(outputName, outputDescription, required: false);
    private readonly Option<IReadOnlyList<string>?> columns = GmmOptions.Columns();
    private readonly Option<Choice<ComputeDevice>> device = GmmOptions.Device();

    /// <summary>A command with these arguments and options.</summary>
    public GmmCommand CreateCommand(string name, string description) =>
        new(name, description) { model, data, output, columns, device };

    public ModelDataInputs Read(ParseResult parse, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        return new ModelDataInputs(
            parse.GetValue(model)!,
            parse.GetValue(data)!,
            parse.GetValue(output),
            parse.GetValue(columns),
            parse.GetValue(device).Value,
            context.IsJson(parse));
    }
}
