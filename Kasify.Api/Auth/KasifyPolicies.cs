namespace Kasify.Api.Auth;

/// <summary>Authorization policy names.</summary>
internal static class KasifyPolicies
{
    /// <summary>Kasify administrators: an <c>admin</c> role claim, or a user id or OIDC subject listed in <c>Kasify:Auth:Admins</c>.</summary>
    public const string Admin = "admin";
}
