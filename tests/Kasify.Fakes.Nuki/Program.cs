namespace Kasify.Fakes.Nuki;

/// <summary>
/// Runs the fake standalone: <c>dotnet run --project tests/Kasify.Fakes.Nuki -- --urls http://127.0.0.1:18081
/// --NukiFake:DemoToken=nuki-demo-token</c> (switches: <c>--NukiFake:ApplyDelayMs</c>, <c>LatencyMs</c>, <c>ErrorRate</c>).
/// For load runs, <c>--locks 1000</c> (or <c>--NukiFake:Locks</c>) seeds that many locks over accounts of
/// <c>--NukiFake:LocksPerAccount</c> (100) with tokens <c>nuki-load-1</c>, <c>nuki-load-2</c>, …; <c>--apply-delay-ms</c>,
/// <c>--latency-ms</c> and <c>--error-rate</c> are short forms of the switches.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = NukiFakeOptions.FromConfiguration(builder.Configuration);
        ApplyShortForms(builder.Configuration, options);
        var state = new NukiFakeState(options);
        if (!string.IsNullOrEmpty(options.DemoToken))
        {
            NukiFakeServer.SeedDemo(state, options.DemoToken);
        }

        var loadAccounts = NukiFakeServer.SeedLoad(state, options.Locks, options.LocksPerAccount, options.LoadTokenPrefix);

        var app = builder.Build();
        app.MapNukiFake(state);
        app.Logger.LogInformation("Fake Nuki Web API; switches: apply delay {ApplyDelayMs} ms, latency {LatencyMs} ms, error rate {ErrorRate}",
            options.ApplyDelayMs, options.LatencyMs, options.ErrorRate);
        if (loadAccounts.Count > 0)
        {
            app.Logger.LogInformation("Seeded {Locks} load locks over {Accounts} accounts ({First}..{Last})",
                options.Locks, loadAccounts.Count, loadAccounts[0].Token, loadAccounts[^1].Token);
        }

        await app.RunAsync();
    }

    // The command line's `--locks 1000 --apply-delay-ms 50` reads as configuration keys of those names.
    private static void ApplyShortForms(IConfiguration configuration, NukiFakeOptions options)
    {
        options.Locks = configuration.GetValue("locks", options.Locks);
        options.ApplyDelayMs = configuration.GetValue("apply-delay-ms", options.ApplyDelayMs);
        options.LatencyMs = configuration.GetValue("latency-ms", options.LatencyMs);
        options.ErrorRate = configuration.GetValue("error-rate", options.ErrorRate);
    }
}
