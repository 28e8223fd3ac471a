using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>A 2-D texture: one float channel (R32F), one byte (R8) or RGBA8.</summary>
internal sealed class Texture2D : IDisposable
{
    private readonly GL gl;

    public Texture2D(GL gl, bool linear)
    {
        this.gl = gl;
        Handle = gl.GenTexture();
        gl.BindTexture(TextureTarget.Texture2D, Handle);
        var filter = linear ? GLEnum.Linear : GLEnum.Nearest;
        gl.TexParameter(
            TextureTarget.Texture2D, TextureParameterName.TextureMinFilter, (int)filter);
        gl.TexParameter(
            TextureTarget.Texture2D, TextureParameterName.TextureMagFilter, (int)filter);
        gl.TexParameter(
            TextureTarget.Texture2D, TextureParameterName.TextureWrapS, (int)GLEnum.ClampToEdge);
        gl.TexParameter(
            TextureTarget.Texture2D, TextureParameterName.TextureWrapT, (int)GLEnum.ClampToEdge);
    }

    public uint Handle { get; private set; }

    /// <summary>Values of shape (height, width), row 0 at the bottom.</summary>
    public void UploadFloats(int width, int height, ReadOnlySpan<float> values)
    {
        gl.BindTexture(TextureTarget.Texture2D, Handle);
        gl.PixelStore(PixelStoreParameter.UnpackAlignment, 4);
        gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.R32f, (uint)width,
            (uint)height, 0, PixelFormat.Red, PixelType.Float, values);
    }

    /// <summary>One byte a texel (R8), shape (height, width).</summary>
    public void UploadBytes(int width, int height, ReadOnlySpan<byte> values)
    {
        gl.BindTexture(TextureTarget.Texture2D, Handle);
        gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
        gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.R8, (uint)width,
            (uint)height, 0, PixelFormat.Red, PixelType.UnsignedByte, values);
    }

    /// <summary>RGBA bytes of shape (height, width, 4).</summary>
    public void UploadRgba(int width, int height, ReadOnlySpan<byte> rgba)
    {
        gl.BindTexture(TextureTarget.Texture2D, Handle);
        gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
        gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.Rgba8, (uint)width,
            (uint)height, 0, PixelFormat.Rgba, PixelType.UnsignedByte, rgba);
    }

    public void Bind(int unit)
    {
        gl.ActiveTexture(TextureUnit.Texture0 + unit);
        gl.BindTexture(TextureTarget.Texture2D, Handle);
    }

    public void Dispose()
    {
        if (Handle != 0)
        {
            gl.DeleteTexture(Handle);
            Handle = 0;
        }
    }
}
