namespace GmmGpu.Viewer.Rendering;

/// <summary>GLSL 3.30 core sources of the programs.</summary>
internal static class Shaders
{
    /// <summary>
    /// The head of every vertex shader whose positions are pixels (origin top left, y down):
    /// the position attribute, the viewport's size and the way to clip space.
    /// </summary>
    private const string PixelVertexHead = """
        #version 330 core
        layout(location = 0) in vec2 aPosition;
        uniform vec2 uViewport;
        vec4 pixelPosition()
        {
            return vec4(aPosition.x / uViewport.x * 2.0 - 1.0,
                        1.0 - aPosition.y / uViewport.y * 2.0, 0.0, 1.0);
        }
        """ + "\n";

    public const string FlatVertex = PixelVertexHead + """
        layout(location = 1) in vec4 aColor;
        out vec4 vColor;
        void main()
        {
            gl_Position = pixelPosition();
            vColor = aColor;
        }
        """;

    public const string FlatFragment = """
        #version 330 core
        in vec4 vColor;
        out vec4 color;
        void main() { color = vColor; }
        """;

    // An RGBA image as it is (the zoomed-in points view's dots, splatted on the CPU).
    public const string ImageFragment = """
        #version 330 core
        in vec2 vUv;
        uniform sampler2D uImage;
        out vec4 color;
        void main() { color = texture(uImage, vUv); }
        """;

    public const string ScalarVertex = PixelVertexHead + """
        layout(location = 1) in vec2 aUv;
        out vec2 vUv;
        void main()
        {
            gl_Position = pixelPosition();
            vUv = aUv;
        }
        """;

    // Value -> t in [0, 1] (linear, or log(1 + v) for counts), optionally snapped to filled
    // levels, then looked up in a 256-entry colour map at texel centres (exact end colours).
    public const string ScalarFragment = """
        #version 330 core
        in vec2 vUv;
        uniform sampler2D uValues;
        uniform sampler2D uMap;
        uniform float uMax;
        uniform int uLog;
        uniform float uLevels;
        uniform vec4 uEmpty;
        out vec4 color;
        void main()
        {
            float v = texture(uValues, vUv).r;
            float t;
            if (uLog == 1)
            {
                if (v <= 0.0) { color = uEmpty; return; }
                t = log(1.0 + v) / log(1.0 + uMax);
            }
            else
            {
                t = v / uMax;
            }
            t = clamp(t, 0.0, 1.0);
            if (uLevels > 1.0)
            {
                t = min(floor(t * uLevels), uLevels - 1.0) / (uLevels - 1.0);
            }
            color = vec4(texture(uMap, vec2((t * 255.0 + 0.5) / 256.0, 0.5)).rgb, 1.0);
        }
        """;

    // Counts (as in ScalarFragment, log scaled) set how far each bin's component colour is from
    // white: the sparsest bins are pale, the densest full colour; empty bins stay uEmpty.
    public const string CategoricalFragment = """
        #version 330 core
        in vec2 vUv;
        uniform sampler2D uValues;
        uniform sampler2D uLabels;
        uniform sampler2D uPalette;
        uniform float uMax;
        uniform int uPaletteSize;
        uniform vec4 uEmpty;
        out vec4 color;
        void main()
        {
            float v = texture(uValues, vUv).r;
            if (v <= 0.0) { color = uEmpty; return; }
            float t = clamp(log(1.0 + v) / log(1.0 + uMax), 0.0, 1.0);
            int label = int(texture(uLabels, vUv).r + 0.5);
            vec3 hue = texelFetch(uPalette, ivec2(label % uPaletteSize, 0), 0).rgb;
            color = vec4(mix(vec3(1.0), hue, 0.25 + 0.75 * t), 1.0);
        }
        """;

    // Binned counts as ink over what is drawn: empty bins leave it untouched, the alpha grows
    // with log(1 + count) from half the ink's to the ink's (single points stay visible).
    public const string OverlayFragment = """
        #version 330 core
        in vec2 vUv;
        uniform sampler2D uValues;
        uniform float uMax;
        uniform vec4 uInk;
        out vec4 color;
        void main()
        {
            float v = texture(uValues, vUv).r;
            if (v <= 0.0) { discard; }
            float t = clamp(log(1.0 + v) / log(1.0 + uMax), 0.0, 1.0);
            color = vec4(uInk.rgb, uInk.a * (0.5 + 0.5 * t));
        }
        """;

    public const string FloorVertex = """
        #version 330 core
        layout(location = 0) in vec3 aPosition;
        layout(location = 1) in vec2 aUv;
        uniform mat4 uMvp;
        out vec2 vUv;
        void main()
        {
            gl_Position = uMvp * vec4(aPosition, 1.0);
            vUv = aUv;
        }
        """;

    // The floor under the surface with the binned data on it: ink over the floor colour, more
    // opaque where counts are higher (log scaled, as elsewhere).
    public const string FloorFragment = """
        #version 330 core
        in vec2 vUv;
        uniform sampler2D uValues;
        uniform float uMax;
        uniform vec4 uFloor;
        uniform vec4 uInk;
        out vec4 color;
        void main()
        {
            float v = texture(uValues, vUv).r;
            float t = v > 0.0 ? clamp(log(1.0 + v) / log(1.0 + uMax), 0.0, 1.0) : 0.0;
            float a = v > 0.0 ? uInk.a * (0.3 + 0.7 * t) : 0.0;
            color = vec4(mix(uFloor.rgb, uInk.rgb, a), 1.0);
        }
        """;

    public const string SurfaceVertex = """
        #version 330 core
        layout(location = 0) in vec3 aPosition;
        layout(location = 1) in vec3 aNormal;
        layout(location = 2) in float aValue;
        uniform mat4 uMvp;
        out vec3 vNormal;
        out float vValue;
        void main()
        {
            gl_Position = uMvp * vec4(aPosition, 1.0);
            vNormal = aNormal;
            vValue = aValue;
        }
        """;

    public const string SurfaceFragment = """
        #version 330 core
        in vec3 vNormal;
        in float vValue;
        uniform sampler2D uMap;
        uniform vec3 uLight;
        uniform float uAlpha;
        uniform float uFade;
        out vec4 color;
        void main()
        {
            float alpha = uFade > 0.0 ? uAlpha * smoothstep(0.0, uFade, vValue) : uAlpha;
            if (alpha < 1.0 / 255.0) { discard; }
            float t = clamp(vValue, 0.0, 1.0);
            vec3 base = texture(uMap, vec2((t * 255.0 + 0.5) / 256.0, 0.5)).rgb;
            float diffuse = abs(dot(normalize(vNormal), normalize(uLight)));
            color = vec4(base * (0.35 + 0.65 * diffuse), alpha);
        }
        """;

    public const string TextVertex = PixelVertexHead + """
        layout(location = 1) in vec2 aUv;
        layout(location = 2) in vec4 aColor;
        out vec2 vUv;
        out vec4 vColor;
        void main()
        {
            gl_Position = pixelPosition();
            vUv = aUv;
            vColor = aColor;
        }
        """;

    // The atlas holds each glyph's anti-aliased coverage: it scales the ink's alpha.
    public const string TextFragment = """
        #version 330 core
        in vec2 vUv;
        in vec4 vColor;
        uniform sampler2D uAtlas;
        out vec4 color;
        void main() { color = vec4(vColor.rgb, vColor.a * texture(uAtlas, vUv).r); }
        """;
}
