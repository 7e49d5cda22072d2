namespace Kasify.Load;

/// <summary>What to measure: one path, for a bounded time and request count, with N concurrent workers.</summary>
internal sealed record LoadOptions(Uri BaseAddress, string Path, string? Token, int Concurrency, TimeSpan Duration, int MaxRequests, LoadMode Mode)
{
    public static LoadOptions Parse(LoadArguments values)
    {
        var baseAddress = new Uri(values.Text("url", "http://localhost:8080"));
        if (!baseAddress.IsLoopback)
        {
            // Load is only ever generated against servers on this machine.
            throw new ArgumentException("--url must be a loopback address (localhost, 127.0.0.1 or [::1]).");
        }

        var mode = Enum.Parse<LoadMode>(values.Text("mode", "get").Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        var options = new LoadOptions(
            baseAddress,
            values.Text("path", "/health"),
            values.Text("token") ?? Environment.GetEnvironmentVariable("KASIFY_TOKEN"),
            // The read ratio is defined at 64 connections, as the figures it is compared with were measured.
            values.Integer("concurrency", mode == LoadMode.ReadRatio ? 64 : 16),
            TimeSpan.FromSeconds(values.Number("seconds", 10)),
            values.Integer("max-requests", 200000),
            mode);
        if (options.Concurrency < 1 || options.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException("--concurrency and --seconds must be positive.");
        }

        if (options.Token is null && mode is not LoadMode.Get)
        {
            throw new ArgumentException($"--mode {values.Text("mode")} needs --token (or KASIFY_TOKEN): a JWT or a kas_pat_ token.");
        }

        return options;
    }
}
