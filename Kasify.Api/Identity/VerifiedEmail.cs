using System.Security.Claims;
using Kasify.Api.Auth;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Identity;

/// <summary>
/// The caller's email as the identity provider vouches for it: the token's <c>email</c> claim when <c>email_verified</c>
/// is true, or any <c>email</c> claim when <see cref="KasifyAuthOptions.EmailClaimIsVerified"/> says the provider only
/// issues verified ones. Never the profile email a user typed, and never for personal access tokens.
/// </summary>
internal static class VerifiedEmail
{
    private const string EmailClaim = "email";
    private const string EmailVerifiedClaim = "email_verified";

    public static string? Of(ClaimsPrincipal principal, KasifyAuthOptions options)
    {
        if (principal.GetPersonalAccessTokenIdentity() is not null
            || principal.FindFirstValue(EmailClaim) is not { Length: > 0 } email)
        {
            return null;
        }

        var verified = options.EmailClaimIsVerified
            || string.Equals(principal.FindFirstValue(EmailVerifiedClaim), "true", StringComparison.OrdinalIgnoreCase);
        return verified ? email : null;
    }

    public static string? GetVerifiedEmail(this ClaimsPrincipal principal, IOptionsSnapshot<KasifyAuthOptions> options) =>
        Of(principal, options.Value);
}
