namespace Kasify.Fakes.Ses;

/// <summary>
/// Runs the fake standalone: <c>dotnet run --project tests/Kasify.Fakes.Ses -- --urls http://127.0.0.1:18083</c>
/// (credentials: <c>--SesFake:Username</c>, <c>Password</c>, <c>ArrendadorCode</c>; switches: <c>RejectCredentials</c>,
/// <c>LatencyMs</c>, <c>ErrorRate</c>, <c>ProcessingDelayMs</c>, <c>MisspelledElements</c>).
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = SesFakeOptions.FromConfiguration(builder.Configuration);
        var state = new SesFakeState(options);
        var app = builder.Build();
        app.MapSesFake(state);
        app.Logger.LogInformation(
            "Fake SES.HOSPEDAJES at {Path}; user {Username}, password {Password}, arrendador {ArrendadorCode}; processing delay {ProcessingDelayMs} ms, latency {LatencyMs} ms, error rate {ErrorRate}",
            SesFakeEndpoints.ServicePath, options.Username, options.Password, options.ArrendadorCode, options.ProcessingDelayMs, options.LatencyMs, options.ErrorRate);
        await app.RunAsync();
    }
}
