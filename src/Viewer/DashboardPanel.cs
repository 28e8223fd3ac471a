namespace GmmGpu.Viewer;

/// <summary>
/// One panel of the dashboard: the view drawn and its pixel rectangle in the frame (origin top
/// left, y down).
/// </summary>
public readonly record struct DashboardPanel(
    ViewKind Kind, int Left, int Top, int Width, int Height);
