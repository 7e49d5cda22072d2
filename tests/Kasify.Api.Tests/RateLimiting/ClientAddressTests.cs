using System.Globalization;
using System.Net;
using Kasify.Api.Tests.Auth;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.RateLimiting;

/// <summary>
/// Whose budget a request spends: forwarded headers count only from configured proxies, so people behind one proxy
/// have budgets of their own, and nobody else can choose an address by sending the header.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClientAddressTests(KasifyApiFactory factory)
{
    private const int AnonymousLimit = 3;
    private const string Proxy = "10.20.30.40";

    [Fact]
    public async Task ClientsBehindATrustedProxyHaveTheirOwnAnonymousBudget()
    {
        await using var host = WithAnonymousLimit(("Kasify:Proxies:KnownProxies:0", Proxy));
        using var first = Client(host, peer: Proxy, forwardedFor: "203.0.113.10");
        using var second = Client(host, peer: Proxy, forwardedFor: "203.0.113.11");

        await SpendAsync(first);

        await ProblemAssert.IsProblemAsync(await first.GetAsync("/test/public"), HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/test/public")).StatusCode);
    }

    [Fact]
    public async Task TrustedNetworksWorkLikeTrustedAddresses()
    {
        await using var host = WithAnonymousLimit(("Kasify:Proxies:KnownNetworks:0", "10.20.30.0/24"));
        using var first = Client(host, peer: Proxy, forwardedFor: "203.0.113.20");
        using var second = Client(host, peer: Proxy, forwardedFor: "203.0.113.21");

        await SpendAsync(first);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/test/public")).StatusCode);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUntrustedPeerAreIgnored()
    {
        await using var host = WithAnonymousLimit(("Kasify:Proxies:KnownProxies:0", Proxy));
        using var first = Client(host, peer: "198.51.100.7", forwardedFor: "203.0.113.30");
        using var second = Client(host, peer: "198.51.100.7", forwardedFor: "203.0.113.31");

        await SpendAsync(first);

        // Same connection address: the header did not give the second request a fresh budget.
        await ProblemAssert.IsProblemAsync(await second.GetAsync("/test/public"), HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task WithoutConfiguredProxiesForwardedHeadersAreIgnored()
    {
        await using var host = WithAnonymousLimit();
        using var first = Client(host, peer: "127.0.0.1", forwardedFor: "203.0.113.40");
        using var second = Client(host, peer: "127.0.0.1", forwardedFor: "203.0.113.41");

        await SpendAsync(first);

        await ProblemAssert.IsProblemAsync(await second.GetAsync("/test/public"), HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task AValidTokenUsedBeforeStillWorksAfterSomeoneBehindTheSameAddressSpentTheBudget()
    {
        await using var host = WithAnonymousLimit();
        var valid = await factory.CreatePersonalAccessTokenAsync();
        using var holder = Client(host, peer: Proxy);
        holder.DefaultRequestHeaders.Authorization = new("Bearer", valid.Token);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/test/caller")).StatusCode);
        using var guesser = Client(host, peer: Proxy);
        guesser.DefaultRequestHeaders.Authorization = new("Bearer", UnknownAccessTokens.WellFormed());

        await SpendAsync(guesser);

        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/test/caller")).StatusCode);
        await ProblemAssert.IsProblemAsync(await guesser.GetAsync("/test/caller"), HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task JwtCallersHaveAPerUserLimit()
    {
        await using var host = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:RateLimits:UserPerMinute"] = "3" });
        var subject = TestJwt.NewSubject();
        using var busy = host.CreateAuthenticatedClient(subject);
        using var sameUserOtherToken = host.CreateAuthenticatedClient(subject);
        using var other = host.CreateAuthenticatedClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/test/caller")).StatusCode);
        }

        var refused = await sameUserOtherToken.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/test/caller")).StatusCode);
    }

    private KasifyApiFactory WithAnonymousLimit(params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value);
        all["Kasify:RateLimits:AnonymousPerMinute"] = AnonymousLimit.ToString(CultureInfo.InvariantCulture);
        return factory.WithSettings(all);
    }

    private static HttpClient Client(KasifyApiFactory host, string peer, string? forwardedFor = null)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(TestPeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    private static async Task SpendAsync(HttpClient client)
    {
        for (var i = 0; i < AnonymousLimit; i++)
        {
            await client.GetAsync("/test/caller");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/test/caller")).StatusCode);
    }
}
