using System.Numerics;
using GmmGpu.Viewer.Gl;

namespace GmmGpu.Viewer.Live;

public sealed partial class LiveView
{
    /// <summary>Acts on the keys pressed since the last frame; false when Esc asks to close.
    /// </summary>
    private bool HandleKeys(WindowInput input, MixtureRenderer renderer)
    {
        if (input.Pressed(Glfw.KeyEscape))
        {
            return false;
        }

        paused ^= input.Pressed(Glfw.KeySpace);
        ViewKind before = kind;
        for (int i = 0; i < Order.Length; i++)
        {
            kind = input.Pressed(Glfw.Key1 + i) ? Order[i] : kind;
        }

        if (input.Pressed(Glfw.KeyTab))
        {
            kind = Order[(Array.IndexOf(Order, kind) + 1) % Order.Length];
        }

        if (input.Pressed(Glfw.KeyC))
        {
            ColorBy = ColorBy == ColorBy.Density ? ColorBy.Component : ColorBy.Density;
            stale = true;
        }

        if (input.Pressed(Glfw.KeyR))
        {
            renderer.Settings.PointsWindow = null;
            orbit = null;
            stale = true;
        }

        stale |= kind != before;
        return true;
    }

    /// <summary>
    /// A drag orbits the surface view's camera; the wheel moves it closer, or zooms the points
    /// view about the mouse.
    /// </summary>
    private void HandleMouse(WindowInput input, MixtureRenderer renderer, PlotData data)
    {
        (double dx, double dy) = input.TakeDrag();
        double steps = input.Window.TakeScroll();
        // The dashboard's surface panel turns with the mouse too.
        bool orbits = kind is ViewKind.Surface or ViewKind.Dashboard;
        if (orbits && data.Columns > 1 && (dx, dy, steps) != (0, 0, 0))
        {
            // The first move starts from the camera drawn, wherever the turning had taken it.
            orbit = (orbit ?? renderer.Settings.SurfaceCamera).Drag(dx, dy).Zoom(steps);
            stale = true;
        }
        else if (kind == ViewKind.Points && data.Columns > 1 && steps != 0)
        {
            Zoom(input.Window, renderer, data, steps);
            stale = true;
        }
    }

    /// <summary>
    /// Zooms the points view by 1.25 per wheel step about the data point under the mouse;
    /// back out to the whole data, it shows the whole data as counts again.
    /// </summary>
    private static void Zoom(
        GlfwWindowContext window, MixtureRenderer renderer, PlotData data, double steps)
    {
        PlotLayout layout = renderer.PointsLayout(data);
        (double cx, double cy) = window.CursorPosition;
        (int width, int height) = window.FramebufferSize;
        var pixel = new Vector2((float)(cx * renderer.Width / Math.Max(width, 1)),
            (float)(cy * renderer.Height / Math.Max(height, 1)));
        (double x, double y) = layout.ToData(pixel);
        var current = new DataWindow(layout.XMin, layout.XMax, layout.YMin, layout.YMax);
        DataWindow next = current.Zoom(Math.Pow(1.25, steps), x, y);
        PlotLayout whole = renderer.Layout(data);
        renderer.Settings.PointsWindow =
            next.XMax - next.XMin >= whole.XMax - whole.XMin ? null : next;
    }
}
