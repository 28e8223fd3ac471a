using System.Numerics;
using GmmGpu.Viewer.Gl;
using Silk.NET.OpenGL;
using Framebuffer = GmmGpu.Viewer.Gl.Framebuffer;
using VertexArray = GmmGpu.Viewer.Gl.VertexArray;

namespace GmmGpu.Viewer.Rendering;

/// <summary>
/// Owns the GL objects of one frame size and draws canvases, scalar images and meshes.
/// Lines, dots, text and meshes are drawn multisampled (smooth edges); images, which have no
/// edges inside a pixel, are drawn first into the single-sampled frame, which becomes the
/// multisampled one's background when the first line is drawn (llvmpipe shades every sample,
/// so a full-frame image costs four times as much multisampled). The frame is resolved into the
/// single-sampled one before it is read back or shown. Both copies cover only the panel drawn
/// into (see <see cref="BeginPanel"/>): panels never overlap, and each is resolved before the
/// next begins.
/// </summary>
internal sealed class GlPainter : IDisposable
{
    /// <summary>Samples per pixel of the frame (fewer if the GL offers fewer).</summary>
    public const int Samples = 4;

    private readonly GL gl;
    private readonly Framebuffer framebuffer;
    private readonly Framebuffer resolved;
    private bool multisampling;
    private bool imagesDrawn;
    private Vector4 background;
    private (int Left, int Top, int Width, int Height) panel;
    private readonly ShaderProgram flat;
    private readonly ShaderProgram image;
    private readonly ShaderProgram scalar;
    private readonly ShaderProgram categorical;
    private readonly ShaderProgram overlay;
    private readonly ShaderProgram floor;
    private readonly ShaderProgram surface;
    private readonly VertexArray flatVertices;
    private readonly VertexArray imageVertices;
    private readonly VertexArray surfaceVertices;
    private readonly VertexArray floorVertices;
    private readonly Texture2D colorMap;
    private readonly Texture2D palette;

    public GlPainter(GL gl, int width, int height)
    {
        this.gl = gl;
        Width = width;
        Height = height;
        resolved = new Framebuffer(gl, width, height);
        framebuffer = new Framebuffer(
            gl, width, height, Math.Min(Samples, Framebuffer.MaxSamples(gl)));
        flat = new ShaderProgram(gl, "flat", Shaders.FlatVertex, Shaders.FlatFragment);
        image = new ShaderProgram(gl, "image", Shaders.ScalarVertex, Shaders.ImageFragment);
        scalar = new ShaderProgram(gl, "scalar", Shaders.ScalarVertex, Shaders.ScalarFragment);
        categorical = new ShaderProgram(
            gl, "categorical", Shaders.ScalarVertex, Shaders.CategoricalFragment);
        overlay = new ShaderProgram(gl, "overlay", Shaders.ScalarVertex, Shaders.OverlayFragment);
        floor = new ShaderProgram(gl, "floor", Shaders.FloorVertex, Shaders.FloorFragment);
        surface = new ShaderProgram(gl, "surface", Shaders.SurfaceVertex, Shaders.SurfaceFragment);
        flatVertices = new VertexArray(gl, 2, 4);
        imageVertices = new VertexArray(gl, 2, 2);
        surfaceVertices = new VertexArray(gl, 3, 3, 1);
        floorVertices = new VertexArray(gl, 3, 2);
        colorMap = new Texture2D(gl, linear: false);
        colorMap.UploadRgba(256, 1, ColorMaps.Viridis);
        palette = new Texture2D(gl, linear: false);
        palette.UploadRgba(ColorMaps.Components.Length / 4, 1, ColorMaps.Components);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Size of the panel drawn into now (see <see cref="BeginPanel"/>).</summary>
    private Vector2 PanelSize => new(panel.Width, panel.Height);

    public Texture2D CreateTexture(bool linear) => new(gl, linear);

    public void Begin(Vector4 background)
    {
        multisampling = false;
        imagesDrawn = false;
        this.background = background;
        panel = (0, 0, Width, Height);
        Bind(resolved);
        gl.Disable(EnableCap.DepthTest);
        gl.Enable(EnableCap.Blend);
        gl.BlendFunc(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha);
        gl.ClearColor(background.X, background.Y, background.Z, background.W);
        gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
    }

    /// <summary>
    /// From here on, pixel coordinates (origin top left) are those of the rectangle of
    /// <paramref name="width"/> × <paramref name="height"/> pixels at (left, top) of the frame,
    /// and drawing stays inside it. What is drawn multisampled so far is resolved, so that the
    /// panel's images are drawn single-sampled too.
    /// </summary>
    public void BeginPanel(int left, int top, int width, int height)
    {
        if (multisampling)
        {
            Resolve();
            multisampling = false;
            imagesDrawn = true;
        }

        panel = (left, top, width, height);
        Bind(resolved);
    }

    /// <summary>Binds a framebuffer with the panel's viewport.</summary>
    private void Bind(Framebuffer target)
    {
        target.Bind();
        gl.Viewport(panel.Left, Height - panel.Top - panel.Height, (uint)panel.Width,
            (uint)panel.Height);
    }

    /// <summary>
    /// From here on the frame is drawn multisampled, over what was drawn so far (every sample of
    /// a pixel starts as that pixel).
    /// </summary>
    private void Multisample()
    {
        if (multisampling)
        {
            return;
        }

        multisampling = true;
        if (!imagesDrawn)
        {
            // Only the background so far (kept as the clear colour): clearing is cheaper.
            Bind(framebuffer);
            gl.ClearColor(background.X, background.Y, background.Z, background.W);
            gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
            return;
        }

        // Only the panel: the rest of the frame is resolved already, or never multisampled
        // (a full-frame copy per dashboard panel and back cost it 4 × 2 frames of samples).
        CopyPanel(resolved, framebuffer);
        Bind(framebuffer);
        gl.Clear(ClearBufferMask.DepthBufferBit);
    }

    /// <summary>The frame as drawn so far, single-sampled, in <see cref="resolved"/>.</summary>
    private void Resolve()
    {
        if (multisampling)
        {
            CopyPanel(framebuffer, resolved);
        }
    }

    /// <summary>Copies the panel's rectangle from one framebuffer to the other.</summary>
    private void CopyPanel(Framebuffer from, Framebuffer to)
    {
        // Blits are scissored: the whole panel is copied.
        gl.Disable(EnableCap.ScissorTest);
        from.CopyInto(to, panel.Left, Height - panel.Top - panel.Height, panel.Width,
            panel.Height);
    }

    /// <summary>The framebuffer drawing goes to now.</summary>
    private Framebuffer Current => multisampling ? framebuffer : resolved;

    public void Draw(Canvas canvas)
    {
        Multisample();
        flat.Use();
        flat.Set("uViewport", PanelSize);
        flatVertices.DrawTriangles(canvas.Vertices);
    }

    /// <summary>
    /// Draws an RGBA image (row 0 at the bottom) into the pixel rectangle, texel for pixel when
    /// the rectangle is in whole pixels of the image's size.
    /// </summary>
    public void DrawImage(Texture2D rgba, RectangleF rect)
    {
        image.Use();
        image.Set("uViewport", PanelSize);
        rgba.Bind(0);
        image.Set("uImage", 0);
        DrawQuad(rect);
    }

    /// <summary>Draws <paramref name="canvas"/> clipped to a pixel rectangle.</summary>
    public void Draw(Canvas canvas, RectangleF clip)
    {
        Multisample();
        Scissor(clip);
        Draw(canvas);
        gl.Disable(EnableCap.ScissorTest);
    }

    /// <summary>Limits drawing to a pixel rectangle until the scissor test is disabled.</summary>
    private void Scissor(RectangleF clip)
    {
        int left = (int)MathF.Floor(clip.Left), top = (int)MathF.Floor(clip.Top);
        int right = (int)MathF.Ceiling(clip.Right), bottom = (int)MathF.Ceiling(clip.Bottom);
        gl.Enable(EnableCap.ScissorTest);
        gl.Scissor(panel.Left + left, Height - panel.Top - bottom, (uint)(right - left),
            (uint)(bottom - top));
    }

    /// <summary>
    /// Draws <paramref name="values"/> (row 0 at the bottom) into the pixel rectangle through the
    /// colour map; <paramref name="levels"/> &gt; 1 gives filled levels.
    /// </summary>
    public void DrawScalar(
        Texture2D values, RectangleF rect, float max, bool log, int levels, Vector4 empty)
    {
        scalar.Use();
        scalar.Set("uViewport", PanelSize);
        scalar.Set("uMax", max);
        scalar.Set("uLog", log ? 1 : 0);
        scalar.Set("uLevels", (float)levels);
        gl.Uniform4(gl.GetUniformLocation(scalar.Handle, "uEmpty"), empty);
        values.Bind(0);
        scalar.Set("uValues", 0);
        colorMap.Bind(1);
        scalar.Set("uMap", 1);
        DrawQuad(rect);
    }

    /// <summary>
    /// Draws binned counts (row 0 at the bottom) in the colours of their bins' components
    /// (<paramref name="labels"/>, same shape), paler where counts are lower.
    /// </summary>
    public void DrawCategorical(
        Texture2D counts, Texture2D labels, RectangleF rect, float max, Vector4 empty)
    {
        categorical.Use();
        categorical.Set("uViewport", PanelSize);
        categorical.Set("uMax", max);
        categorical.Set("uPaletteSize", ColorMaps.Components.Length / 4);
        gl.Uniform4(gl.GetUniformLocation(categorical.Handle, "uEmpty"), empty);
        counts.Bind(0);
        categorical.Set("uValues", 0);
        labels.Bind(1);
        categorical.Set("uLabels", 1);
        palette.Bind(2);
        categorical.Set("uPalette", 2);
        DrawQuad(rect);
    }

    /// <summary>
    /// Draws a lit mesh with depth testing: <paramref name="vertices"/> are (position, normal,
    /// value), 7 floats each, and every three <paramref name="indices"/> a triangle of them.
    /// Its opacity
    /// is <paramref name="alpha"/>, faded smoothly to 0 where the value falls from
    /// <paramref name="fade"/> to 0 (0: no fade); with any transparency the mesh's nearest layer
    /// is blended over what is drawn (a depth-only pass first, so the mesh never shows through
    /// itself).
    /// </summary>
    public void DrawSurface(ReadOnlySpan<float> vertices, ReadOnlySpan<uint> indices,
        Matrix4x4 mvp, Vector3 light, float alpha, float fade)
    {
        Multisample();
        gl.Enable(EnableCap.DepthTest);
        surface.Use();
        surface.Set("uMvp", mvp);
        surface.Set("uLight", light);
        surface.Set("uAlpha", alpha);
        surface.Set("uFade", fade);
        colorMap.Bind(1);
        surface.Set("uMap", 1);
        surfaceVertices.Upload(vertices, indices);
        if (alpha < 1 || fade > 0)
        {
            gl.ColorMask(false, false, false, false);
            surfaceVertices.DrawIndexedTriangles();
            gl.ColorMask(true, true, true, true);
            gl.DepthFunc(DepthFunction.Lequal);
        }

        surfaceVertices.DrawIndexedTriangles();
        gl.DepthFunc(DepthFunction.Less);
        gl.Disable(EnableCap.DepthTest);
    }

    /// <summary>
    /// Draws the square [-1, 1]² at height <paramref name="z"/>, depth tested, with binned
    /// counts (row 0 at y = -1) as <paramref name="ink"/> on <paramref name="color"/>.
    /// </summary>
    public void DrawFloor(
        Texture2D counts, float max, Matrix4x4 mvp, float z, Vector4 color, Vector4 ink)
    {
        Multisample();
        gl.Enable(EnableCap.DepthTest);
        floor.Use();
        floor.Set("uMvp", mvp);
        floor.Set("uMax", max);
        gl.Uniform4(gl.GetUniformLocation(floor.Handle, "uFloor"), color);
        gl.Uniform4(gl.GetUniformLocation(floor.Handle, "uInk"), ink);
        counts.Bind(0);
        floor.Set("uValues", 0);
        ReadOnlySpan<float> quad =
        [
            -1, -1, z, 0, 0, 1, -1, z, 1, 0, 1, 1, z, 1, 1,
            -1, -1, z, 0, 0, 1, 1, z, 1, 1, -1, 1, z, 0, 1,
        ];
        floorVertices.DrawTriangles(quad);
        gl.Disable(EnableCap.DepthTest);
    }

    /// <summary>
    /// Draws binned counts (row 0 at the bottom) as <paramref name="ink"/> over the frame, more
    /// opaque where counts are higher; empty bins are left as they are.
    /// </summary>
    public void DrawOverlay(Texture2D counts, RectangleF rect, float max, Vector4 ink)
    {
        overlay.Use();
        overlay.Set("uViewport", PanelSize);
        overlay.Set("uMax", max);
        gl.Uniform4(gl.GetUniformLocation(overlay.Handle, "uInk"), ink);
        counts.Bind(0);
        overlay.Set("uValues", 0);
        DrawQuad(rect);
    }

    /// <summary>A pixel rectangle textured with (0, 0) at its bottom left.</summary>
    private void DrawQuad(RectangleF rect)
    {
        imagesDrawn = true;
        float l = rect.Left, r = rect.Right, t = rect.Top, b = rect.Bottom;
        ReadOnlySpan<float> quad =
        [
            l, b, 0, 0, r, b, 1, 0, r, t, 1, 1,
            l, b, 0, 0, r, t, 1, 1, l, t, 0, 1,
        ];
        imageVertices.DrawTriangles(quad);
    }

    /// <summary>
    /// Copies the frame onto the default framebuffer (a window), scaled to its size.
    /// </summary>
    public void Blit(int screenWidth, int screenHeight)
    {
        Resolve();
        gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, resolved.Handle);
        gl.BindFramebuffer(FramebufferTarget.DrawFramebuffer, 0);
        gl.Viewport(0, 0, (uint)screenWidth, (uint)screenHeight);
        gl.BlitFramebuffer(0, 0, Width, Height, 0, 0, screenWidth, screenHeight,
            ClearBufferMask.ColorBufferBit, BlitFramebufferFilter.Linear);
        Bind(Current);
    }

    /// <summary>The frame as RGBA bytes, top row first.</summary>
    public void Read(Span<byte> rgba)
    {
        Resolve();
        gl.Finish();
        resolved.Read(rgba);
        Bind(Current);
    }

    public void Dispose()
    {
        palette.Dispose();
        colorMap.Dispose();
        floorVertices.Dispose();
        surfaceVertices.Dispose();
        imageVertices.Dispose();
        flatVertices.Dispose();
        surface.Dispose();
        floor.Dispose();
        overlay.Dispose();
        categorical.Dispose();
        scalar.Dispose();
        image.Dispose();
        flat.Dispose();
        framebuffer.Dispose();
        resolved.Dispose();
    }
}
