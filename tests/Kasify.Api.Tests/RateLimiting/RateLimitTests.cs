using System.Net;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.RateLimiting;

[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(KasifyApiFactory factory)
{
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
}
