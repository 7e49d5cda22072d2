using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
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
    public async Task UnknownPersonalAccessTokenIsLookedUpAndRejectedWith401InvalidToken()
    {
        var token = UnknownAccessTokens.WellFormed();
        using var client = factory.CreateBearerClient(token);

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hex")]
    [InlineData("too-short")]
    [InlineData("too-long")]
    [InlineData("padded")]
    [InlineData("standard-base64")]
    [InlineData("prefix-only")]
    public async Task MalformedPersonalAccessTokenIsRejectedWithoutALookUp(string kind)
    {
        var secret = UnknownAccessTokens.WellFormed()[AccessTokenKeys.TokenPrefix.Length..];
        var token = AccessTokenKeys.TokenPrefix + kind switch
        {
            "hex" => Guid.NewGuid().ToString("N"),
            "too-short" => secret[..^1],
            "too-long" => secret + "A",
            "padded" => secret[..^1] + "=",
            "standard-base64" => "+/" + secret[2..],
            _ => "",
        };
        // Give the malformed token a real index entry: had the handler looked it up, it would have authenticated.
        var owner = await factory.CreatePersonalAccessTokenAsync();
        await factory.Grains.GetGrain<IAccessTokenIndexGrain>(AccessTokenKeys.For(token))
            .RegisterAsync(new AccessTokenIdentity(Guid.NewGuid(), owner.UserId), expiresAt: null);
        using var client = factory.CreateBearerClient(token);

        var response = await client.GetAsync("/test/caller");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
    }

    [Theory]
    [InlineData("kasify:user_id")]
    [InlineData("kasify:token_id")]
    [InlineData("KASIFY:USER_ID")]
    [InlineData("kasify:anything")]
    public async Task JwtCarryingAKasifyClaimIsRejectedWith401InvalidToken(string claimType)
    {
        // The identity of a real user: a JWT must not be able to claim it.
        var victim = await factory.CreatePersonalAccessTokenAsync();
        var value = claimType.EndsWith("token_id", StringComparison.Ordinal) ? victim.TokenId : victim.UserId;
        using var client = factory.CreateAuthenticatedClient(claims: [new Claim(claimType, value.ToString())]);

        var caller = await client.GetAsync("/test/caller");
        var account = await client.GetAsync("/v1/account");

        await ProblemAssert.IsProblemAsync(caller, HttpStatusCode.Unauthorized, "auth.invalid_token");
        Assert.Contains("invalid_token", caller.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(account, HttpStatusCode.Unauthorized, "auth.invalid_token");
    }

    [Fact]
    public async Task AnonymousEndpointNeedsNoToken()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/test/public");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
