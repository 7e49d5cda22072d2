using Kasify.Api.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Kasify.Api.Auth;

/// <summary>
/// Rejects OIDC tokens that carry Kasify's own claims, and gives every rejected token the
/// <c>auth.invalid_token</c> problem code.
/// </summary>
internal sealed class KasifyJwtBearerEvents : JwtBearerEvents
{
    // Only PersonalAccessTokenHandler issues these (KasifyClaims); a token from the identity provider that carries one
    // is trying to act as a Kasify user. Claim look-ups ignore case, so the check does too.
    private const string ReservedClaimPrefix = "kasify:";

    public override Task TokenValidated(TokenValidatedContext context)
    {
        if (context.Principal?.Claims.FirstOrDefault(claim => claim.Type.StartsWith(ReservedClaimPrefix, StringComparison.OrdinalIgnoreCase))
            is { } reserved)
        {
            context.Fail($"The token carries the claim '{reserved.Type}', which only Kasify itself issues.");
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
