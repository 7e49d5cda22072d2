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
}
