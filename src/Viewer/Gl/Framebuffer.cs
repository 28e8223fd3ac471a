using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>
/// An RGBA8 colour + 24-bit depth framebuffer object, read back top row first; optionally
/// multisampled (drawn into, then resolved into a single-sampled one to be read or shown).
/// </summary>
internal sealed class Framebuffer : IDisposable
{
    private readonly GL gl;
    private uint color;
    private uint depth;

    /// <param name="samples">Samples per pixel: 0 for an ordinary framebuffer, else at most
    /// the implementation's GL_MAX_SAMPLES (see <see cref="MaxSamples"/>).</param>
    public Framebuffer(GL gl, int width, int height, int samples = 0)
    {
        this.gl = gl;
        Width = width;
        Height = height;
        Samples = samples;
        Handle = gl.GenFramebuffer();
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, Handle);
        color = Attach(InternalFormat.Rgba8, FramebufferAttachment.ColorAttachment0);
        depth = Attach(InternalFormat.DepthComponent24, FramebufferAttachment.DepthAttachment);
        var status = gl.CheckFramebufferStatus(FramebufferTarget.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            Dispose();
            throw new InvalidOperationException(
                $"framebuffer {width}x{height} with {samples} samples is {status}");
        }
    }

    public uint Handle { get; private set; }

    /// <summary>Samples per pixel; 0 when not multisampled.</summary>
    public int Samples { get; }

    /// <summary>The most samples per pixel a framebuffer may have here.</summary>
    public static int MaxSamples(GL gl)
    {
        ArgumentNullException.ThrowIfNull(gl);
        gl.GetInteger(GLEnum.MaxSamples, out int samples);
        return samples;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Copies the colour of the rectangle of <paramref name="width"/> × <paramref name="height"/>
    /// pixels at (<paramref name="x"/>, <paramref name="y"/>) (GL's pixels: origin bottom left)
    /// into the same rectangle of <paramref name="target"/> (same size). Multisampled to single:
    /// the resolve, each pixel the mean of its samples; single to multisampled: every sample of
    /// a pixel becomes that pixel. The caller disables the scissor test, which blits obey.
    /// </summary>
    public void CopyInto(Framebuffer target, int x, int y, int width, int height)
    {
        gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, Handle);
        gl.BindFramebuffer(FramebufferTarget.DrawFramebuffer, target.Handle);
        gl.BlitFramebuffer(x, y, x + width, y + height, x, y, x + width, y + height,
            ClearBufferMask.ColorBufferBit, BlitFramebufferFilter.Nearest);
    }

    public void Bind()
    {
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, Handle);
        gl.Viewport(0, 0, (uint)Width, (uint)Height);
    }

    /// <summary>Reads the pixels as RGBA bytes, shape (Height, Width, 4), top row first.</summary>
    public void Read(Span<byte> rgba)
    {
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, Handle);
        gl.PixelStore(PixelStoreParameter.PackAlignment, 1);
        gl.ReadPixels(0, 0, (uint)Width, (uint)Height, PixelFormat.Rgba, PixelType.UnsignedByte,
            rgba);
        int stride = Width * 4;
        Span<byte> row = stride <= 16384 ? stackalloc byte[stride] : new byte[stride];
        for (int y = 0; y < Height / 2; y++)
        {
            Span<byte> top = rgba.Slice(y * stride, stride);
            Span<byte> bottom = rgba.Slice((Height - 1 - y) * stride, stride);
            top.CopyTo(row);
            bottom.CopyTo(top);
            row.CopyTo(bottom);
        }
    }

    private uint Attach(InternalFormat format, FramebufferAttachment attachment)
    {
        uint buffer = gl.GenRenderbuffer();
        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, buffer);
        if (Samples > 0)
        {
            gl.RenderbufferStorageMultisample(RenderbufferTarget.Renderbuffer, (uint)Samples,
                format, (uint)Width, (uint)Height);
        }
        else
        {
            gl.RenderbufferStorage(
                RenderbufferTarget.Renderbuffer, format, (uint)Width, (uint)Height);
        }

        gl.FramebufferRenderbuffer(
            FramebufferTarget.Framebuffer, attachment, RenderbufferTarget.Renderbuffer, buffer);
        return buffer;
    }

    public void Dispose()
    {
        if (color != 0)
        {
            gl.DeleteRenderbuffer(color);
            color = 0;
        }

        if (depth != 0)
        {
            gl.DeleteRenderbuffer(depth);
            depth = 0;
        }

        if (Handle != 0)
        {
            gl.DeleteFramebuffer(Handle);
            Handle = 0;
        }
    }
}
