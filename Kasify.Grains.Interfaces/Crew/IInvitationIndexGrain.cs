namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// Resolves an invitation token to its property and invitation. Key: <see cref="InvitationKeys.For"/> ("inv:" + the
/// token's SHA-256). One grain per token, so a token belongs to one invitation only.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Crew.IInvitationIndexGrain")]
public interface IInvitationIndexGrain : IGrainWithStringKey
{
    /// <summary>Binds the token to the invitation; true when it now does (also when it already did), false when taken.</summary>
    [Alias("RegisterAsync")]
    Task<bool> RegisterAsync(InvitationTarget target);

    /// <summary>The invitation the token belongs to, or null for an unknown token.</summary>
    [Alias("ResolveAsync")]
    Task<InvitationTarget?> ResolveAsync();

    /// <summary>Forgets the token if it belongs to <paramref name="target"/>.</summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync(InvitationTarget target);
}
