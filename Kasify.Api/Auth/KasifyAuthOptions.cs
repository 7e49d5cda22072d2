namespace Kasify.Api.Auth;

/// <summary>Authorization settings, bound from <c>Kasify:Auth</c>.</summary>
internal sealed class KasifyAuthOptions
{
    public const string SectionName = "Kasify:Auth";

    /// <summary>OIDC subjects, email addresses or Kasify user ids of administrators.</summary>
    public IReadOnlyList<string> Admins { get; set; } = [];
}
