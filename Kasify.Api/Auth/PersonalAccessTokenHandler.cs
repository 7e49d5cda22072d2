using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Kasify.Api.Errors;
using Kasify.Api.Hosting;
using Kasify.Api.Identity;
using Kasify.Api.RateLimiting;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Auth;

/// <summary>
/// Authenticates <c>kas_pat_…</c> bearer tokens by their hash through <see cref="IAccessTokenIndexGrain"/>. Nothing
/// is cached, so a revoked token fails on its next use. Tokens that cannot have been minted, and every token from a
/// client IP that has spent its <see cref="AnonymousRateLimiter"/> budget (unless it authenticated lately, see
/// <see cref="RecentlyValidAccessTokens"/>), fail without a look-up, so guessing tokens costs the cluster nothing.
/// </summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    ClusterConnection cluster,
    AnonymousRateLimiter anonymousLimit,
    RecentlyValidAccessTokens recentlyValid) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Read(Request) is not { } token || !BearerToken.IsPersonalAccessToken(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (!BearerToken.IsWellFormedPersonalAccessToken(token))
        {
            return AuthenticateResult.Fail("The personal access token is malformed.");
        }

        // The failure is challenged, and the challenge answers 429 while the budget is spent.
        var key = AccessTokenKeys.For(token);
        if (anonymousLimit.IsExhausted(Context) && !recentlyValid.Contains(key))
        {
            return AuthenticateResult.Fail("Too many unauthenticated requests from this client.");
        }

        cluster.EnsureConnected();
        var identity = await grains.GetGrain<IAccessTokenIndexGrain>(key).AuthenticateAsync();
        if (identity is null)
        {
            return AuthenticateResult.Fail("The personal access token is unknown, revoked or expired.");
        }

        recentlyValid.Remember(key);

        Claim[] claims =
        [
            new(KasifyClaims.UserId, identity.UserId.ToString("D", CultureInfo.InvariantCulture)),
            new(KasifyClaims.TokenId, identity.TokenId.ToString("D", CultureInfo.InvariantCulture)),
        ];
        // The authentication type is what marks these claims as genuine (PersonalAccessTokenPrincipal).
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, KasifyAuthSchemes.PersonalAccessToken, KasifyClaims.UserId, roleType: null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (result.Failure is null)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        KasifyProblems.SetCodeForStatusResponse(Context, ProblemCodes.InvalidToken);
    }
}
