namespace GmmGpu.Viewer;

/// <summary>How a 2-D view scales its two features against each other.</summary>
public enum Aspect
{
    /// <summary>Each axis fills the plot area: the data's ranges set the two scales.</summary>
    Auto,

    /// <summary>
    /// One unit of data is the same length on both axes (a round component looks round): the
    /// plot area shrinks along one axis and is centred in the room it had.
    /// </summary>
    Equal,
}
