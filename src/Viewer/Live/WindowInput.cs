using GmmGpu.Viewer.Gl;

namespace GmmGpu.Viewer.Live;

/// <summary>
/// Polls a window's keys and mouse once per frame, turning levels into edges: keys pressed since
/// the last poll and the left-button drag since the last call. Use on the window's thread.
/// </summary>
internal sealed class WindowInput(GlfwWindowContext window)
{
    private readonly bool[] down = new bool[512];
    private (double X, double Y)? dragFrom;

    public GlfwWindowContext Window => window;

    /// <summary>Whether <paramref name="key"/> went down since the last call for it.</summary>
    public bool Pressed(int key)
    {
        bool now = window.IsKeyDown(key);
        bool pressed = now && !down[key];
        down[key] = now;
        return pressed;
    }

    /// <summary>
    /// How far the mouse moved, in framebuffer pixels, with the left button held since the last
    /// call; (0, 0) when the button is up or the mouse still.
    /// </summary>
    public (double Dx, double Dy) TakeDrag()
    {
        if (!window.IsMouseButtonDown(Glfw.MouseButtonLeft))
        {
            dragFrom = null;
            return (0, 0);
        }

        (double x, double y) = window.CursorPosition;
        (double X, double Y) from = dragFrom ?? (x, y);
        dragFrom = (x, y);
        return (x - from.X, y - from.Y);
    }
}
