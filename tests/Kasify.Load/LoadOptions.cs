namespace Kasify.Load;

/// <summary>What to measure: one path, for a bounded time and request count, with N concurrent workers.</summary>
internal sealed record LoadOptions(Uri BaseAddress, string Path, string? Token, int Concurrency, TimeSpan Duration, int MaxRequests, LoadMode Mode)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var baseAddress = new Uri(values.GetValueOrDefault("url", "http://localhost:8080"));
        if (!baseAddress.IsLoopback)
        {
            // Load is only ever generated against servers on this machine.
            throw new ArgumentException("--url must be a loopback address (localhost, 127.0.0.1 or [::1]).");
        }

        return new LoadOptions(
            baseAddress,
            values.GetValueOrDefault("path", "/health"),
            values.GetValueOrDefault("token") ?? Environment.GetEnvironmentVariable("KASIFY_TOKEN"),
            int.Parse(values.GetValueOrDefault("concurrency", "16"), System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(values.GetValueOrDefault("max-requests", "200000"), System.Globalization.CultureInfo.InvariantCulture),
            Enum.Parse<LoadMode>(values.GetValueOrDefault("mode", "get").Replace("-", "", StringComparison.Ordinal), ignoreCase: true));
    }
}
