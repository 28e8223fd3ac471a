namespace GmmGpu;

/// <summary>
/// A component's covariance is not positive definite (it collapsed onto too few points or a
/// lower-dimensional subspace).
/// </summary>
public sealed class DegenerateComponentException : InvalidOperationException
{
    /// <summary>Creates the exception for component <paramref name="component"/>.</summary>
    public DegenerateComponentException(int component, double regCovar)
        : base(
            $"{Describe(component, capital: true)} has a singular covariance matrix: it collapsed "
            + $"onto too few points. Raise RegCovar (now {regCovar:G3}; e.g. --reg-covar 1e-3), "
            + "use fewer "
            + "components, or scale the data.")
    {
        Component = component;
    }

    /// <summary>Index of the degenerate component, or −1 for a shared (tied) covariance.</summary>
    public int Component { get; }

    /// <summary>
    /// "component 3", or "the tied covariance" for <paramref name="component"/> −1 (the one
    /// covariance every component shares).
    /// </summary>
    internal static string Describe(int component, bool capital = false) => component >= 0
        ? (capital ? "Component " : "component ") + component.ToString(
            System.Globalization.CultureInfo.InvariantCulture)
        : (capital ? "The" : "the") + " tied covariance";
}
