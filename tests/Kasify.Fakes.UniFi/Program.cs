namespace Kasify.Fakes.UniFi;

/// <summary>
/// Runs the fake standalone: <c>dotnet run --project tests/Kasify.Fakes.UniFi -- --urls https://127.0.0.1:12445</c>
/// (or an http URL for quick tries with curl). Options: <c>--pin-length 4|6|8|0</c> (0 = variable),
/// <c>--latency-ms N</c>, <c>--error-rate 0.05</c>, <c>--offline-door ID</c>, <c>--token TOKEN</c>.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var urls = Option(args, "--urls")?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? ["https://127.0.0.1:12445"];
        var console = new UniFiFakeConsole().SeedDefaults(Option(args, "--token") ?? UniFiFakeSeed.Token);
        if (Option(args, "--pin-length") is { } pinLength)
        {
            console.PinLength = int.Parse(pinLength, System.Globalization.CultureInfo.InvariantCulture) is var length and > 0 ? length : null;
        }

        if (Option(args, "--latency-ms") is { } latency)
        {
            console.Latency = TimeSpan.FromMilliseconds(double.Parse(latency, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Option(args, "--error-rate") is { } errorRate)
        {
            console.ErrorRate = double.Parse(errorRate, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Option(args, "--offline-door") is { } offlineDoor)
        {
            console.SetDoorOffline(offlineDoor, offline: true);
        }

        await using var server = await UniFiFakeServer.StartAsync(urls, console, []);
        System.Console.WriteLine($"UniFi Access fake listening on {string.Join(", ", urls)}");
        if (server.CertificateFingerprint is { } fingerprint)
        {
            System.Console.WriteLine($"Certificate SHA-256 fingerprint: {fingerprint}");
        }

        System.Console.WriteLine($"API token: {Option(args, "--token") ?? UniFiFakeSeed.Token} (read-only: {UniFiFakeSeed.ReadOnlyToken})");
        foreach (var door in console.Doors())
        {
            System.Console.WriteLine($"Door {door.Id} {door.Name} (floor {door.FloorName})");
        }

        await server.WaitForShutdownAsync();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
