using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task RequestWithoutTokenIsRejectedWith401()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("expired")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-key")]
    public async Task InvalidJwtIsRejectedWith401InvalidToken(string kind)
    {
        var subject = TestJwt.NewSubject();
        var token = kind switch
        {
            "garbage" => "not-a-jwt",
            "expired" => TestJwt.Create(subject, expires: DateTimeOffset.UtcNow.AddMinutes(-10)),
            "wrong-audience" => TestJwt.Create(subject, audience: "some-other-api"),
            _ => TestJwt.Create(subject, signingKey: RandomNumberGenerator.GetBytes(32)),
        };
        using var client = factory.CreateBearerClient(token);

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidJwtReachesAnAuthenticatedEndpointThatCallsAGrain()
    {
        var subject = TestJwt.NewSubject();
        using var client = factory.CreateAuthenticatedClient(subject);

        var caller = await client.GetFromJsonAsync<CallerResponse>("/test/caller", WireJson.Options);

        Assert.Equal(subject, caller!.Subject);
        Assert.Null(caller.UserId);
        Assert.Null(caller.TokenId);
    }

    [Fact]
    public async Task PersonalAccessTokenAuthenticatesAsItsUser()
    {
        var created = await factory.CreatePersonalAccessTokenAsync();
        using var client = factory.CreateBearerClient(created.Token);

        var caller = await client.GetFromJsonAsync<CallerResponse>("/test/caller", WireJson.Options);

        Assert.Equal(created.UserId, caller!.UserId);
        Assert.Equal(created.TokenId.ToString(), caller.TokenId);
        Assert.Null(caller.Subject);
    }

    [Fact]
    public async Task RevokedPersonalAccessTokenIsRejectedOnItsNextUse()
    {
        var created = await factory.CreatePersonalAccessTokenAsync();
        using var client = factory.CreateBearerClient(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/caller")).StatusCode);

        await factory.Grains.GetGrain<IUserGrain>(created.UserId).RevokeAccessTokenAsync(created.TokenId);
        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
    }

    [Fact]
    public async Task UnknownPersonalAccessTokenIsRejectedWith401InvalidToken()
    {
        using var client = factory.CreateBearerClient(AccessTokenKeys.TokenPrefix + Guid.NewGuid().ToString("N"));

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousEndpointNeedsNoToken()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/test/public");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
