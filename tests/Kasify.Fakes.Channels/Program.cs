using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kasify.Fakes.Channels;

/// <summary>
/// Runs the fake standalone: <c>dotnet run --project tests/Kasify.Fakes.Channels -- --urls http://127.0.0.1:18084
/// --ChannelFake:Demo=true</c> (start-up switches for every feed: <c>--ChannelFake:Mode</c>, <c>DelayMs</c>,
/// <c>IgnoreConditional</c>).
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = ChannelFakeOptions.FromConfiguration(builder.Configuration);
        var state = new ChannelFakeState();
        state.SetSwitchesForAll(options.Switches);
        if (options.Demo)
        {
            ChannelFakeServer.SeedDemo(state, ChannelFakeServer.DemoToday(TimeProvider.System));
        }

        var app = builder.Build();
        app.MapChannelFake(state);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        app.Logger.LogInformation("Fake channel calendars; admin API at {BaseUrl}/fake/feeds; switches: {Switches}", baseUrl, options.Switches);
        foreach (var feed in state.Feeds())
        {
            app.Logger.LogInformation("Feed {Name} ({Shape}, {EventCount} events): {Url}", feed.Name, feed.Shape, feed.EventCount,
                baseUrl + ChannelFakeEndpoints.FeedPath(feed.Name));
        }

        await app.WaitForShutdownAsync();
    }
}
