using System.CommandLine;
using System.Globalization;
using GmmGpu.Cli.Parsing;
using GmmGpu.Cli.Features;

namespace GmmGpu.Cli;

/// <summary><c>gmm devices</c>: the accelerators found, and which auto picks.</summary>
internal static class DevicesCommand
{
    /// <summary><c>gmm devices</c>.</summary>
    public static Command Create(CommandContext context)
    {
        var command = new GmmCommand(
            "devices",
            "Lists the accelerators found: backend, name, memory, and which one --device auto "
            + "picks (CUDA, else a GPU OpenCL device, else cpu).");
        command.Examples.Add("gmm devices");
        command.Examples.Add("gmm devices --json");
        command.SetAction(parse => Run(context.IsJson(parse), context.Stdout));
        return command;
    }

    private static int Run(bool asJson, TextWriter stdout)
    {
        IReadOnlyList<DeviceInfo> devices = DeviceCatalog.List();
        if (asJson)
        {
            CommandSupport.WriteJson(stdout, json =>
            {
                json.WriteStartArray("devices");
                foreach (DeviceInfo device in devices)
                {
                    json.WriteStartObject();
                    json.WriteString("backend", CommandSupport.DeviceText(device.Device));
                    json.WriteString("name", device.Name);
                    if (device.MemoryBytes is { } bytes)
                    {
                        json.WriteNumber("memory_bytes", bytes);
                    }

                    json.WriteBoolean("default", device.IsDefault);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
            return 0;
        }

        stdout.WriteLine("backend     memory      name");
        foreach (DeviceInfo device in devices)
        {
            string memory = device.MemoryBytes is { } bytes
                ? (bytes / (1024.0 * 1024 * 1024)).ToString("F1", CultureInfo.InvariantCulture)
                  + " GiB"
                : "-";
            string backend = CommandSupport.DeviceText(device.Device);
            string auto = device.IsDefault ? "   (auto)" : "";
            string name = device.Name;
            stdout.WriteLine(CommandSupport.Format($"{backend,-11} {memory,-11} {name}{auto}"));
        }

        return 0;
    }
}
