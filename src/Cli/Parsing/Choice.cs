namespace GmmGpu.Cli.Parsing;

/// <summary>
/// The value of a choice option (<c>--covariance diag</c>) with its name on the command line:
/// help shows a default by its <see cref="ToString"/>, so it reads "full", not "Full".
/// </summary>
internal readonly record struct Choice<T>(string Name, T Value)
{
    public override string ToString() => Name;
}
