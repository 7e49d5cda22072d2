using Kasify.Api.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kasify.Api.Auth;

/// <summary>
/// Rejects OIDC tokens that carry Kasify's own claims, gives every rejected token the <c>auth.invalid_token</c>
/// problem code, and lets a token validated lately pass without a new check (<see cref="ValidatedJwtCache"/>).
/// </summary>
internal sealed class KasifyJwtBearerEvents(ValidatedJwtCache validated) : JwtBearerEvents
{
    // Only PersonalAccessTokenHandler issues these (KasifyClaims); a token from the identity provider that carries one
    // is trying to act as a Kasify user. Claim look-ups ignore case, so the check does too.
    private const string ReservedClaimPrefix = "kasify:";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        if (BearerToken.Read(context.Request) is { } token && validated.TryGet(token, out var principal))
        {
            context.Principal = principal;
            context.Success();
        }

        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        if (context.Principal is not { } principal)
        {
            return Task.CompletedTask;
        }

        if (principal.Claims.FirstOrDefault(claim => claim.Type.StartsWith(ReservedClaimPrefix, StringComparison.OrdinalIgnoreCase)) is { } reserved)
        {
            context.Fail($"The token carries the claim '{reserved.Type}', which only Kasify itself issues.");
            return Task.CompletedTask;
        }

        if (context.SecurityToken is JsonWebToken { EncodedToken: var token, ValidTo: var validTo })
        {
            validated.Remember(token, principal, new DateTimeOffset(validTo, TimeSpan.Zero));
        }

        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is not null)
        {
            KasifyProblems.SetCodeForStatusResponse(context.HttpContext, ProblemCodes.InvalidToken);
        }

        return Task.CompletedTask;
    }
}
