using System.Globalization;
using System.Security.Claims;
using Kasify.Api.Identity;

namespace Kasify.Api.Auth;

/// <summary>
/// Reads the <c>kasify:</c> claims from the identity the personal access token handler authenticated, and from no
/// other: only that handler may issue them (JWTs carrying them are rejected), so they cannot be impersonated.
/// </summary>
internal static class PersonalAccessTokenPrincipal
{
    /// <summary>The identity <see cref="PersonalAccessTokenHandler"/> authenticated, or null for any other caller.</summary>
    public static ClaimsIdentity? GetPersonalAccessTokenIdentity(this ClaimsPrincipal principal) =>
        principal.Identities.FirstOrDefault(identity =>
            identity.IsAuthenticated && identity.AuthenticationType == KasifyAuthSchemes.PersonalAccessToken);

    /// <summary>The user a personal access token belongs to; null when the caller did not authenticate with one.</summary>
    public static Guid? GetPersonalAccessTokenUserId(this ClaimsPrincipal principal) =>
        principal.GetPersonalAccessTokenIdentity()?.FindFirst(KasifyClaims.UserId)?.Value is { } value
        && Guid.TryParse(value, CultureInfo.InvariantCulture, out var userId)
            ? userId
            : null;

    /// <summary>The id of the personal access token the caller authenticated with, if any.</summary>
    public static string? GetPersonalAccessTokenId(this ClaimsPrincipal principal) =>
        principal.GetPersonalAccessTokenIdentity()?.FindFirst(KasifyClaims.TokenId)?.Value;
}
