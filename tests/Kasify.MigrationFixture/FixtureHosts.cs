using System.Globalization;
using Kasify.Fakes.Nuki;
using Kasify.Fakes.Ses;
using Kasify.Testing;
using Kasify.Testing.Migration;

namespace Kasify.MigrationFixture;

/// <summary>
/// The built Kasify.Silo and Kasify.Api programs running as processes, configured only through environment variables
/// as an operator would, with the Nuki and SES.HOSPEDAJES fakes in this process. Vendor timings are short so that codes
/// and reports settle within seconds; reminder periods keep their production values, since they are stored with the data.
/// </summary>
internal sealed class FixtureHosts : IAsyncDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(60);

    private readonly NukiFakeServer _nuki;
    private readonly SesFakeServer _ses;
    private KasifySiloProcess? _silo;
    private KasifySiloProcess? _api;

    private FixtureHosts(NukiFakeServer nuki, SesFakeServer ses, Uri apiUrl)
    {
        _nuki = nuki;
        _ses = ses;
        ApiUrl = apiUrl;
    }

    /// <summary>Where the API listens.</summary>
    public Uri ApiUrl { get; }

    /// <summary>
    /// Starts the fakes (the Nuki fake seeded with <paramref name="nukiAccount"/>), the silo with <paramref name="storage"/>
    /// (the <c>Kasify__Storage__…</c>, encryption and TLS variables of one mode) and the API in front of it, and waits
    /// until the API reaches the cluster.
    /// </summary>
    public static async Task<FixtureHosts> StartAsync(
        IReadOnlyDictionary<string, string> storage, FixtureNukiAccount nukiAccount, FixtureJwt jwt, string mailFolder)
    {
        var nuki = new NukiFakeServer(new NukiFakeOptions { ApplyDelayMs = 100 });
        var nukiUrl = await nuki.StartAsync();
        foreach (var smartlock in nukiAccount.Smartlocks)
        {
            nuki.State.AddSmartlock(nukiAccount.Token, smartlock.SmartlockId, smartlock.Name, batteryCharge: smartlock.BatteryCharge);
        }

        var ses = new SesFakeServer(new SesFakeOptions());
        await ses.StartAsync();

        var ports = FreePort.Next(3);
        var apiUrl = new Uri($"http://127.0.0.1:{ports[2]}");
        var hosts = new FixtureHosts(nuki, ses, apiUrl);
        try
        {
            var silo = new Dictionary<string, string>(storage)
            {
                ["Kasify__Cluster__ClusterId"] = "kasify-fixture",
                ["Kasify__Cluster__SiloPort"] = Text(ports[0]),
                ["Kasify__Cluster__GatewayPort"] = Text(ports[1]),
                ["Kasify__Nuki__BaseUrl"] = nukiUrl.ToString(),
                ["Kasify__Ses__EndpointUrl"] = ses.ServiceUrl!.ToString(),
                ["Kasify__Locks__ReadBackDelay"] = "00:00:00.200",
                ["Kasify__Locks__RetryBaseDelay"] = "00:00:00.500",
                ["Kasify__Locks__RetryMaxDelay"] = "00:00:02",
                ["Kasify__Locks__CreateConfirmGrace"] = "00:00:05",
                ["Kasify__SesReporting__PollBaseDelay"] = "00:00:00.200",
                ["Kasify__SesReporting__PollMaxDelay"] = "00:00:01",
                ["Kasify__SesReporting__RetryBaseDelay"] = "00:00:00.500",
                ["Kasify__SesReporting__RetryMaxDelay"] = "00:00:02",
                ["Kasify__Email__PickupDirectory"] = mailFolder,
            };
            var siloAssembly = KasifySiloProcess.FindSiloAssembly();
            hosts._silo = KasifySiloProcess.StartHost(siloAssembly, [], Path.GetDirectoryName(siloAssembly)!, silo);

            var api = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Kasify__Cluster__ClusterId"] = "kasify-fixture",
                ["Kasify__Cluster__GatewayPort"] = Text(ports[1]),
                ["Authentication__Schemes__Bearer__ValidIssuer"] = FixtureJwt.Issuer,
                ["Authentication__Schemes__Bearer__ValidAudiences__0"] = FixtureJwt.Audience,
                ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = FixtureJwt.Issuer,
                ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(jwt.SigningKey),
                ["Kasify__RateLimits__PersonalAccessTokenPerMinute"] = "100000",
                ["Kasify__RateLimits__UserPerMinute"] = "100000",
                ["Kasify__RateLimits__PublicPerIpPerMinute"] = "100000",
                ["Kasify__RateLimits__AnonymousPerMinute"] = "100000",
                ["Kasify__RateLimits__GeoPerMinute"] = "100000",
            };
            foreach (var name in new[] { "Kasify__Storage__Mode", "Kasify__Storage__ConnectionString", "Kasify__Cluster__Tls__Disabled" })
            {
                if (storage.TryGetValue(name, out var value))
                {
                    api[name] = value;
                }
            }

            var apiAssembly = KasifySiloProcess.FindHostAssembly("Kasify.Api");
            hosts._api = KasifySiloProcess.StartHost(apiAssembly, ["--urls", apiUrl.ToString()], Path.GetDirectoryName(apiAssembly)!, api);
            await hosts.WaitUntilReadyAsync();
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the API, then the silo, as a container stop does (SIGTERM); both must exit cleanly.</summary>
    public async Task StopAsync()
    {
        foreach (var (name, host) in new[] { ("API", _api), ("silo", _silo) })
        {
            if (host is not null && await host.StopAsync(StopWait) != 0)
            {
                throw new InvalidOperationException($"The {name} did not stop cleanly (exit code {host.ExitCode}):\n{host.Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _nuki.DisposeAsync();
        await _ses.DisposeAsync();
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = ApiUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + StartWait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The API is not listening yet.
            }
            catch (TaskCanceledException)
            {
                // The API is listening but the cluster is not answering yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The API did not reach the cluster within {StartWait}.\nSilo:\n{_silo?.Output}\nAPI:\n{_api?.Output}");
    }
}
