using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Auth;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Tests.Hosting;

/// <summary>The API host with its real Orleans client and no silo anywhere: it must serve, and fail fast where it needs one.</summary>
public sealed class UnreachableClusterTests : IAsyncLifetime
{
    private readonly KasifyApiFactory _factory = KasifyApiFactory.WithUnreachableCluster();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    [Fact]
    public async Task EndpointThatNeedsTheClusterAnswers503WithRetryAfter()
    {
        using var client = WithTimeout(_factory.CreateAuthenticatedClient());

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "cluster.unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task PersonalAccessTokenCannotBeCheckedAndAnswers503()
    {
        using var client = WithTimeout(_factory.CreateBearerClient(UnknownAccessTokens.WellFormed()));

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "cluster.unavailable");
    }

    [Fact]
    public async Task MalformedPersonalAccessTokenIsRejectedWithoutTheCluster()
    {
        using var client = WithTimeout(_factory.CreateBearerClient(AccessTokenKeys.TokenPrefix + Guid.NewGuid().ToString("N")));

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
    }

    [Fact]
    public async Task HostIsHealthyButNotReady()
    {
        using var client = WithTimeout(_factory.CreateClient());

        var health = await client.GetAsync("/health");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("unhealthy", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DocumentsAndAuthenticationChallengesNeedNoCluster()
    {
        using var client = WithTimeout(_factory.CreateClient());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi.json")).StatusCode);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/caller"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    // A hang would otherwise show up as the test runner's timeout, far later.
    private static HttpClient WithTimeout(HttpClient client)
    {
        client.Timeout = TimeSpan.FromSeconds(10);
        return client;
    }
}
