using GmmGpu.Viewer.Gl;
using Xunit;

namespace GmmGpu.Tests.Viewer;

public sealed class GlObjectTests
{
    [Fact]
    public void ShaderProgram_CompileError_ThrowsWithNameAndInfoLog()
    {
        using var context = new HeadlessEglContext();
        const string vertex = "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }";
        const string broken = "#version 330 core\nout vec4 c;\nvoid main() { c = nope; }";

        var error = Assert.Throws<InvalidOperationException>(
            () => new ShaderProgram(context.Gl, "broken", vertex, broken));

        Assert.Contains("broken.frag", error.Message, StringComparison.Ordinal);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadlessContext_IsOpenGl33CoreOrNewer()
    {
        using var context = new HeadlessEglContext();
        context.Gl.GetInteger(Silk.NET.OpenGL.GetPName.MajorVersion, out int major);
        context.Gl.GetInteger(Silk.NET.OpenGL.GetPName.MinorVersion, out int minor);

        Assert.True((major * 10) + minor >= 33, context.Description);
    }

    [Fact]
    public void GlUnavailable_MessageSaysWhatToInstall()
    {
        var error = new GlUnavailableException("libEGL.so.1 not found");

        Assert.Contains("apt-get install -y libegl1 libegl-mesa0 libgl1-mesa-dri", error.Message,
            StringComparison.Ordinal);
    }
}
