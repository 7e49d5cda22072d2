using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Fakes.UniFi;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Testing;

namespace Kasify.Api.Tests.Integrations;

/// <summary>
/// A UniFi console URL is an address the user chooses: what the silo reveals about its network when called there,
/// when it calls at all, and how much of a console's answer it keeps.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UnifiOutboundApiTests(KasifyApiFactory factory)
{
    private const int DeviceLimit = IntegrationDevices.MaxCount;

    [Fact]
    public async Task ASecondUnifiIntegrationIs409WithoutAnyCallToItsConsole()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        await owner.ConnectUnifiAsync(factory);
        await using var second = await UniFiFakeServer.StartAsync();

        using var response = await owner.PostAsJsonAsync("/v1/integrations/unifi", Body(second.BaseUrl.ToString(), second.CertificateFingerprint));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "integration.exists");
        Assert.Equal(0, second.ConnectionCount);
    }

    [Fact]
    public async Task EveryFailureBeforeTheConsoleCertificateMatchesIsTheSame503()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        // Takes connections into its backlog and never answers, so the TLS handshake times out.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var silentPort = ((IPEndPoint)silent.LocalEndpoint).Port;
        var console = factory.UniFi.BaseUrl.ToString();
        (string What, string Url, string? Pin)[] attempts =
        [
            ("unknown host", "https://kasify-no-such-console.invalid:12445", null),
            ("cloud metadata address", "https://169.254.169.254", null),
            ("cloud metadata address, IPv4-mapped", "https://[::ffff:169.254.169.254]:12445", null),
            ("private address (not allowed here)", "https://10.20.30.40:12445", null),
            ("closed port", $"https://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}", null),
            ("silent port", $"https://127.0.0.1:{silentPort.ToString(CultureInfo.InvariantCulture)}", null),
            ("certificate not matching the pin", console, new string('A', 64)),
            ("self-signed certificate without a pin", console, null),
        ];

        var responses = await Task.WhenAll(attempts.Select(attempt => owner.PostAsJsonAsync("/v1/integrations/unifi", Body(attempt.Url, attempt.Pin))));

        var outcomes = new List<string>();
        foreach (var (attempt, response) in attempts.Zip(responses))
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                outcomes.Add($"{attempt.What}: {(int)response.StatusCode} {Shape(body)}");
            }
        }

        var shapes = outcomes.Select(outcome => outcome[(outcome.IndexOf(':', StringComparison.Ordinal) + 2)..]).Distinct().ToList();
        Assert.True(shapes.Count == 1, "The failures differ:\n" + string.Join('\n', outcomes));
        Assert.StartsWith("503 integration.unreachable ", shapes[0], StringComparison.Ordinal);
        Assert.Empty((await (await owner.GetAsync("/v1/integrations")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("integrations").EnumerateArray());
    }

    [Fact]
    public async Task AfterTheCertificateHasMatchedARefusedTokenIsStill400InvalidCredentials()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.PostAsJsonAsync("/v1/integrations/unifi", ApiLocks.UnifiBody(factory, ApiLocks.NewToken("unifi")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "integration.invalid_credentials");
    }

    [Fact]
    public async Task AConsoleWithMoreDoorsThanTheLimitListsTheFirstOnesMarkedTruncated()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        await using var building = await UniFiFakeServer.StartAsync();
        building.Console.AddDoors(DeviceLimit);

        using var create = await owner.PostAsJsonAsync("/v1/integrations/unifi", Body(building.BaseUrl.ToString(), building.CertificateFingerprint));
        var id = (await create.ReadSuccessAsync()).GetProperty("id").GetGuid();
        var listing = await (await owner.GetAsync($"/v1/integrations/unifi/{id}/smartlocks")).ReadSuccessAsync();

        Assert.Equal("online", listing.GetProperty("unifi_status").GetString());
        Assert.Equal(DeviceLimit, listing.GetProperty("smartlocks").GetArrayLength());
        Assert.True(listing.GetProperty("truncated").GetBoolean());
    }

    private static object Body(string url, string? pin) => new
    {
        name = "Building",
        url,
        api_token = UniFiFakeSeed.Token,
        certificate_sha256 = pin,
    };

    // What a caller can tell failures apart by: status, code, title, type and detail (not the per-request trace id).
    private static string Shape(string body)
    {
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            return string.Join(' ', new[] { "code", "title", "type", "detail" }.Select(field =>
                problem.TryGetProperty(field, out var value) ? value.ToString() : "-"));
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
