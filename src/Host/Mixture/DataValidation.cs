namespace GmmGpu;

/// <summary>Checks of data at the public edge: shape and finiteness.</summary>
internal static class DataValidation
{
    /// <summary>Returns the number of rows; throws naming the first bad value's row and column.</summary>
    public static long Validate<T>(ReadOnlySpan<T> data, int features, string name)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (data.IsEmpty)
        {
            throw new ArgumentException("The data is empty: need at least one point.", name);
        }

        if (data.Length % features != 0)
        {
            throw new ArgumentException(
                $"The data has {data.Length} values, not a multiple of {features} features.", name);
        }

        for (int i = 0; i < data.Length; i++)
        {
            if (!T.IsFinite(data[i]))
            {
                throw new ArgumentException(
                    $"The data at row {i / features}, column {i % features} is {data[i]}: every value "
                    + "must be finite. Remove or impute missing values.",
                    name);
            }
        }

        return data.Length / features;
    }

    /// <summary>Validates that data has the fitted number of features, and its values.</summary>
    public static long ValidateFor(ReadOnlySpan<float> data, int features, int fittedFeatures)
    {
        CheckFeatures(features, fittedFeatures);
        return Validate(data, features, nameof(data));
    }

    /// <summary>
    /// The width check alone, for callers that hand the data to a model method, which validates
    /// the values itself (one scan of the data, not two).
    /// </summary>
    public static void CheckFeatures(int features, int fittedFeatures)
    {
        if (features != fittedFeatures)
        {
            throw new ArgumentException(
                $"The data has {features} features but the model was fitted on {fittedFeatures}.",
                "data");
        }
    }
}
