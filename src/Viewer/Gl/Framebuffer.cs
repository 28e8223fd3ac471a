using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>An RGBA8 colour + 24-bit depth framebuffer object, read back top row first.</summary>
internal sealed class Framebuffer : IDisposable
{
    private readonly GL gl;
    private uint colour;
    private uint depth;

    public Framebuffer(GL gl, int width, int height)
    {
        this.gl = gl;
        Width = width;
        Height = height;
        Handle = gl.GenFramebuffer();
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, Handle);
        colour = gl.GenRenderbuffer();
        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, colour);
        gl.RenderbufferStorage(
            RenderbufferTarget.Renderbuffer, InternalFormat.Rgba8, (uint)width, (uint)height);
        gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer,
            FramebufferAttachment.ColorAttachment0, RenderbufferTarget.Renderbuffer, colour);
        depth = gl.GenRenderbuffer();
        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, depth);
        gl.RenderbufferStorage(RenderbufferTarget.Renderbuffer, InternalFormat.DepthComponent24,
            (uint)width, (uint)height);
        gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer,
            FramebufferAttachment.DepthAttachment, RenderbufferTarget.Renderbuffer, depth);
        var status = gl.CheckFramebufferStatus(FramebufferTarget.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            Dispose();
            throw new InvalidOperationException($"framebuffer {width}x{height} is {status}");
        }
    }

    public uint Handle { get; private set; }

    public int Width { get; }

    public int Height { get; }

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

    public void Dispose()
    {
        if (colour != 0)
        {
            gl.DeleteRenderbuffer(colour);
            colour = 0;
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
