namespace Kasify.Fakes.Nuki;

/// <summary>
/// Runs the fake standalone: <c>dotnet run --project tests/Kasify.Fakes.Nuki -- --urls http://127.0.0.1:18081
/// --NukiFake:DemoToken=nuki-demo-token</c> (switches: <c>--NukiFake:ApplyDelayMs</c>, <c>LatencyMs</c>, <c>ErrorRate</c>).
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = NukiFakeOptions.FromConfiguration(builder.Configuration);
        var state = new NukiFakeState(options);
        if (!string.IsNullOrEmpty(options.DemoToken))
        {
            NukiFakeServer.SeedDemo(state, options.DemoToken);
        }

        var app = builder.Build();
        app.MapNukiFake(state);
        app.Logger.LogInformation("Fake Nuki Web API; switches: apply delay {ApplyDelayMs} ms, latency {LatencyMs} ms, error rate {ErrorRate}",
            options.ApplyDelayMs, options.LatencyMs, options.ErrorRate);
        await app.RunAsync();
    }
}
