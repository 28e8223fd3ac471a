namespace GmmGpu.Viewer;

/// <summary>
/// One panel of the dashboard: the view drawn and its pixel rectangle in the frame (origin top
/// left, y down).
/// </summary>
/// <param name="Kind">The view drawn in the panel.</param>
/// <param name="Left">Pixels from the frame's left edge to the panel's, ≥ 0.</param>
/// <param name="Top">Pixels from the frame's top edge to the panel's, ≥ 0.</param>
/// <param name="Width">Width of the panel in pixels, ≥ 1.</param>
/// <param name="Height">Height of the panel in pixels, ≥ 1.</param>
public readonly record struct DashboardPanel(
    ViewKind Kind, int Left, int Top, int Width, int Height);
