using System.Globalization;
using GmmGpu.Bench.Viewer;

// The viewer's figures on this machine's llvmpipe:
//   frames [N] [WxH] [VIEWS]  milliseconds per frame of each view over N points (default 10M,
//                         1280x720); VIEWS: only those named, e.g. dashboard,zoomed
//   gif [FRAMES] [WxH]    peak memory of writing an animated GIF of distinct frames (60, 1280x720)
// Usage: dotnet run -c Release --project bench/GmmGpu.Bench.Viewer -- frames 10000000 1280x720
string mode = args.Length > 0 ? args[0] : "frames";
(int width, int height) = args.Length > 2 ? ParseSize(args[2]) : (1280, 720);
switch (mode)
{
    case "frames":
        FrameTimes.Run(args.Length > 1 ? ParseInt(args[1]) : 10_000_000, width, height,
            args.Length > 3 ? args[3].Split(',') : []);
        break;
    case "gif":
        GifMemory.Run(args.Length > 1 ? ParseInt(args[1]) : 60, width, height);
        break;
    default:
        Console.Error.WriteLine($"unknown mode {mode}; use frames or gif");
        return 2;
}

return 0;

static int ParseInt(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

static (int, int) ParseSize(string text)
{
    string[] parts = text.Split('x');
    return (ParseInt(parts[0]), ParseInt(parts[1]));
}
