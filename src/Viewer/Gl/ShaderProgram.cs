using System.Numerics;
using Silk.NET.OpenGL;

namespace GmmGpu.Viewer.Gl;

/// <summary>
/// A linked vertex + fragment program; errors throw with the info log and the name.
/// </summary>
internal sealed class ShaderProgram : IDisposable
{
    private readonly GL gl;

    /// <exception cref="InvalidOperationException">A shader does not compile or link.</exception>
    public ShaderProgram(GL gl, string name, string vertexSource, string fragmentSource)
    {
        this.gl = gl;
        Name = name;
        uint vertex = Compile(ShaderType.VertexShader, vertexSource, $"{name}.vert");
        uint fragment;
        try
        {
            fragment = Compile(ShaderType.FragmentShader, fragmentSource, $"{name}.frag");
        }
        catch
        {
            gl.DeleteShader(vertex);
            throw;
        }

        Handle = gl.CreateProgram();
        gl.AttachShader(Handle, vertex);
        gl.AttachShader(Handle, fragment);
        gl.LinkProgram(Handle);
        gl.DetachShader(Handle, vertex);
        gl.DetachShader(Handle, fragment);
        gl.DeleteShader(vertex);
        gl.DeleteShader(fragment);
        gl.GetProgram(Handle, ProgramPropertyARB.LinkStatus, out int linked);
        if (linked == 0)
        {
            string log = gl.GetProgramInfoLog(Handle);
            gl.DeleteProgram(Handle);
            Handle = 0;
            throw new InvalidOperationException($"shader program {name} does not link: {log}");
        }
    }

    public string Name { get; }

    public uint Handle { get; private set; }

    public void Use() => gl.UseProgram(Handle);

    public void Set(string uniform, float value) =>
        gl.Uniform1(gl.GetUniformLocation(Handle, uniform), value);

    public void Set(string uniform, int value) =>
        gl.Uniform1(gl.GetUniformLocation(Handle, uniform), value);

    public void Set(string uniform, Vector2 value) =>
        gl.Uniform2(gl.GetUniformLocation(Handle, uniform), value.X, value.Y);

    public void Set(string uniform, Vector3 value) =>
        gl.Uniform3(gl.GetUniformLocation(Handle, uniform), value.X, value.Y, value.Z);

    public unsafe void Set(string uniform, Matrix4x4 value) =>
        gl.UniformMatrix4(gl.GetUniformLocation(Handle, uniform), 1, false, (float*)&value);

    public void Dispose()
    {
        if (Handle != 0)
        {
            gl.DeleteProgram(Handle);
            Handle = 0;
        }
    }

    private uint Compile(ShaderType type, string source, string shaderName)
    {
        uint shader = gl.CreateShader(type);
        gl.ShaderSource(shader, source);
        gl.CompileShader(shader);
        gl.GetShader(shader, ShaderParameterName.CompileStatus, out int compiled);
        if (compiled == 0)
        {
            string log = gl.GetShaderInfoLog(shader);
            gl.DeleteShader(shader);
            throw new InvalidOperationException($"shader {shaderName} does not compile: {log}");
        }

        return shader;
    }
}
