namespace Kasify.Api.Identity;

/// <summary>Claim types the API's authentication handlers put on a principal.</summary>
internal static class KasifyClaims
{
    /// <summary>Kasify user id (Guid), present on principals authenticated by a personal access token.</summary>
    public const string UserId = "kasify:user_id";

    /// <summary>Personal access token id (Guid): the rate-limit partition of token-authenticated requests.</summary>
    public const string TokenId = "kasify:token_id";

    /// <summary>OIDC subject (JWT "sub", kept unmapped).</summary>
    public const string Subject = "sub";

    /// <summary>OIDC issuer (JWT "iss").</summary>
    public const string Issuer = "iss";
}
