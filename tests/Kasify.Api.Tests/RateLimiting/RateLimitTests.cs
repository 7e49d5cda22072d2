using System.Globalization;
using System.Net;
using Kasify.Api.Tests.Auth;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Tests.RateLimiting;

[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(KasifyApiFactory factory)
{
    // Unauthenticated requests per minute in the hosts of the anonymous-limit tests; each test has its own host.
    private const int AnonymousLimit = 3;

    [Fact]
    public async Task PersonalAccessTokenGets429WithRetryAfterPastItsLimit()
    {
        var created = await factory.CreatePersonalAccessTokenAsync();
        using var client = factory.CreateBearerClient(created.Token);
        for (var i = 0; i < KasifyApiFactory.PersonalAccessTokenLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/caller")).StatusCode);
        }

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After"))), 1, 60);
    }

    [Fact]
    public async Task EachPersonalAccessTokenHasItsOwnBucket()
    {
        var first = await factory.CreatePersonalAccessTokenAsync();
        using var firstClient = factory.CreateBearerClient(first.Token);
        for (var i = 0; i <= KasifyApiFactory.PersonalAccessTokenLimit; i++)
        {
            await firstClient.GetAsync("/test/caller");
        }

        var second = await factory.CreatePersonalAccessTokenAsync();
        using var secondClient = factory.CreateBearerClient(second.Token);

        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/test/caller")).StatusCode);
    }

    [Fact]
    public async Task JwtCallersAreNotLimitedByTheTokenBucket()
    {
        using var client = factory.CreateAuthenticatedClient();
        for (var i = 0; i <= KasifyApiFactory.PersonalAccessTokenLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/caller")).StatusCode);
        }
    }

    [Fact]
    public async Task GarbageTokensGet429WithRetryAfterPastTheAnonymousLimit()
    {
        await using var host = WithAnonymousLimit();
        string[] tokens = ["not-a-jwt", AccessTokenKeys.TokenPrefix + "garbage", UnknownAccessTokens.WellFormed()];
        foreach (var token in tokens)
        {
            using var client = host.CreateBearerClient(token);
            await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/caller"), HttpStatusCode.Unauthorized, "auth.invalid_token");
        }

        using var next = host.CreateBearerClient("not-a-jwt-either");
        var response = await next.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After"))), 1, 60);
    }

    [Fact]
    public async Task RequestsWithoutTokenShareTheAnonymousLimit()
    {
        await using var host = WithAnonymousLimit();
        using var client = host.CreateClient();
        for (var i = 0; i < AnonymousLimit; i++)
        {
            await client.GetAsync(i % 2 == 0 ? "/test/caller" : "/test/public");
        }

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/public"), HttpStatusCode.TooManyRequests, "rate_limited");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/caller"), HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task OnceTheAnonymousLimitIsSpentTokensAreNoLongerLookedUp()
    {
        await using var host = WithAnonymousLimit();
        await SpendAnonymousLimitAsync(host);

        // A valid token: had the handler looked it up, the request would have been authenticated and served.
        var valid = await factory.CreatePersonalAccessTokenAsync();
        using var client = host.CreateBearerClient(valid.Token);

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task HealthDocumentsAndJwtCallersAreNotHeldByTheAnonymousLimit()
    {
        await using var host = WithAnonymousLimit();
        await SpendAnonymousLimitAsync(host);
        using var anonymous = host.CreateClient();
        using var authenticated = host.CreateAuthenticatedClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await authenticated.GetAsync("/test/caller")).StatusCode);
    }

    private KasifyApiFactory WithAnonymousLimit() => factory.WithSettings(new Dictionary<string, string?>
    {
        ["Kasify:RateLimits:AnonymousPerMinute"] = AnonymousLimit.ToString(CultureInfo.InvariantCulture),
    });

    private static async Task SpendAnonymousLimitAsync(KasifyApiFactory host)
    {
        using var client = host.CreateBearerClient("not-a-jwt");
        for (var i = 0; i < AnonymousLimit; i++)
        {
            await client.GetAsync("/test/caller");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/test/caller")).StatusCode);
    }
}
