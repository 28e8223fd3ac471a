using System.Numerics;
using GmmGpu.Viewer.Rendering;

namespace GmmGpu.Viewer;

/// <summary>
/// Fits the surface view's box into a pixel rectangle of the frame: the camera's projection is
/// followed by a scale and shift in the picture's plane so that the box, seen from any azimuth,
/// lies inside the rectangle, centred.
/// </summary>
internal static class SurfaceFraming
{
    /// <summary>Points on the circle of each of the box's two levels that is fitted.</summary>
    private const int CirclePoints = 48;

    /// <summary>
    /// View × projection × framing for <paramref name="camera"/>: the box [−1, 1]² ×
    /// [0, <paramref name="top"/>] of a width × height frame lies inside <paramref name="rect"/>
    /// (pixels, origin top left) when the camera is at its default distance; nearer cameras
    /// magnify it about the same centre, as a zoom should.
    /// </summary>
    /// <remarks>
    /// What is fitted is the cylinder round the box (the circles through its corners, at the
    /// floor and at the top): it contains the box's corners at every azimuth and projects to the same outline at every azimuth, so a turning animation keeps one
    /// scale and the floor's corners never leave the rectangle.
    /// </remarks>
    /// <param name="floor">Half the floor's sides: the box drawn is [−1, 1]² scaled by it
    /// (equal aspect narrows the floor along one feature); each in (0, 1].</param>
    public static Matrix4x4 ViewProjection(
        OrbitCamera camera, int width, int height, RectangleF rect, float top, Vector2 floor)
    {
        float aspect = (float)width / height;
        Matrix4x4 narrowed = Matrix4x4.CreateScale(floor.X, floor.Y, 1);
        Matrix4x4 reference = (camera with { Distance = OrbitCamera.Default.Distance })
            .ViewProjection(aspect);
        float radius = floor.Length();
        float left = float.MaxValue, right = float.MinValue;
        float bottom = float.MaxValue, upper = float.MinValue;
        for (int i = 0; i < 2 * CirclePoints; i++)
        {
            float t = 2 * MathF.PI * (i % CirclePoints) / CirclePoints;
            var p = new Vector4(
                radius * MathF.Cos(t), radius * MathF.Sin(t),
                i < CirclePoints ? 0 : top, 1);
            Vector4 clip = Vector4.Transform(p, reference);
            float x = clip.X / clip.W, y = clip.Y / clip.W;
            (left, right) = (Math.Min(left, x), Math.Max(right, x));
            (bottom, upper) = (Math.Min(bottom, y), Math.Max(upper, y));
        }

        // The rectangle in normalised device coordinates (y up).
        float rl = (2 * rect.Left / width) - 1, rr = (2 * rect.Right / width) - 1;
        float rt = 1 - (2 * rect.Top / height), rb = 1 - (2 * rect.Bottom / height);
        // One scale for x and y in device units keeps pixels square: both span the frame.
        float scale = Math.Min((rr - rl) / (right - left), (rt - rb) / (upper - bottom));
        float shiftX = ((rl + rr) / 2) - (scale * (left + right) / 2);
        float shiftY = ((rb + rt) / 2) - (scale * (bottom + upper) / 2);
        // Row vectors: x' = scale·x + shiftX·w, so x'/w = scale·(x/w) + shiftX.
        var framing = new Matrix4x4(
            scale, 0, 0, 0,
            0, scale, 0, 0,
            0, 0, 1, 0,
            shiftX, shiftY, 0, 1);
        return narrowed * camera.ViewProjection(aspect) * framing;
    }

    /// <summary>
    /// The pixel rectangle (origin top left) of the cylinder round the box, seen through
    /// <paramref name="viewProjection"/> in a width × height frame: where the box can reach at
    /// any azimuth, so what is placed beside it stays put while it turns.
    /// </summary>
    public static RectangleF Outline(
        Matrix4x4 viewProjection, int width, int height, float top, Vector2 floor)
    {
        // The view × projection narrows the floor itself: the circle is of the unit box.
        float radius = floor.Length();
        var inverse = Matrix4x4.CreateScale(1 / floor.X, 1 / floor.Y, 1);
        float left = float.MaxValue, right = float.MinValue;
        float upper = float.MaxValue, lower = float.MinValue;
        for (int i = 0; i < 2 * CirclePoints; i++)
        {
            float t = 2 * MathF.PI * (i % CirclePoints) / CirclePoints;
            var p = new Vector4(radius * MathF.Cos(t), radius * MathF.Sin(t),
                i < CirclePoints ? 0 : top, 1);
            Vector4 clip = Vector4.Transform(Vector4.Transform(p, inverse), viewProjection);
            float x = (clip.X / clip.W + 1) / 2 * width, y = (1 - (clip.Y / clip.W)) / 2 * height;
            (left, right) = (Math.Min(left, x), Math.Max(right, x));
            (upper, lower) = (Math.Min(upper, y), Math.Max(lower, y));
        }

        return new RectangleF(left, upper, right, lower);
    }
}
