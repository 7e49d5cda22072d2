namespace Kasify.Api.Auth;

/// <summary>Authorization settings, bound from <c>Kasify:Auth</c>.</summary>
internal sealed class KasifyAuthOptions
{
    public const string SectionName = "Kasify:Auth";

    /// <summary>
    /// Administrators: Kasify user ids (GUIDs; they match both personal access tokens and OIDC callers registered to
    /// the user) or OIDC subjects (matched against <c>sub</c> exactly). An identity provider whose subjects are GUIDs
    /// is listed by user id.
    /// </summary>
    public IReadOnlyList<string> Admins { get; set; } = [];

    /// <summary>
    /// The token claim whose values are Kasify roles; a value <c>admin</c> (or a role object with key <c>admin</c>, as
    /// Kinde writes roles) makes the caller an administrator. Namespaced by default, so a bare <c>role</c> claim that
    /// another application of the same identity provider sets grants nothing. Empty turns role claims off.
    /// </summary>
    public string AdminRoleClaim { get; set; } = DefaultAdminRoleClaim;

    /// <summary>
    /// Whether the identity provider puts only verified addresses into the <c>email</c> claim, so that an invitation bound
    /// to an email may be accepted without an <c>email_verified</c> claim. Off: <c>email_verified</c> must be true.
    /// </summary>
    public bool EmailClaimIsVerified { get; set; }

    /// <summary>The default <see cref="AdminRoleClaim"/>.</summary>
    public const string DefaultAdminRoleClaim = "https://kasify.app/roles";
}
