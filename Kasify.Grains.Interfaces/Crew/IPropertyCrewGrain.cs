using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// A property's team: invitations and crew members. Key: property id; the same activation as the property grain, which
/// implements this interface, so crew changes are decided one at a time against the property's members. Every call
/// names the calling user; a caller with no role on the property gets <c>property.not_found</c>. Owners and managers
/// manage the team; a manager cannot grant the manager level nor change or remove another manager; the owner can be
/// neither invited, changed nor removed.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Crew.IPropertyCrewGrain")]
public interface IPropertyCrewGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates an invitation (owner or manager) with a new high-entropy token. Defaults: one use, seven days. When it names
    /// an email, the invitee is sent the code and an accept link in the invitation's locale after the invitation is stored;
    /// a failed send is logged and never loses the invitation.
    /// </summary>
    [Alias("CreateInvitationAsync")]
    Task<InvitationDto> CreateInvitationAsync(Guid callerId, CreateInvitation command);

    /// <summary>The property's invitations, oldest first, expired and used-up ones included, revoked ones left out (owner or manager).</summary>
    [Alias("ListInvitationsAsync")]
    Task<ImmutableArray<InvitationDto>> ListInvitationsAsync(Guid callerId);

    /// <summary>Revokes an invitation (owner or manager); later accepts are 410 <c>invitation.revoked</c>.</summary>
    [Alias("RevokeInvitationAsync")]
    Task RevokeInvitationAsync(Guid callerId, Guid invitationId);

    /// <summary>
    /// Gives the caller the invitation's access level on the property and counts one use. 404 <c>invitation.not_found</c>;
    /// 410 <c>invitation.expired</c>, <c>invitation.revoked</c>, <c>invitation.used_up</c>; 403 <c>invitation.email_mismatch</c>
    /// when the invitation is bound to an email other than <paramref name="verifiedEmail"/> (or there is none); 409
    /// <c>invitation.owner</c> for the owner. A caller who is already a member gets the same answer again without using
    /// the invitation.
    /// </summary>
    /// <param name="callerId">The accepting user.</param>
    /// <param name="invitationId">The invitation the token resolved to.</param>
    /// <param name="verifiedEmail">The caller's email as the identity provider verified it; never a self-declared profile email.</param>
    [Alias("AcceptInvitationAsync")]
    Task<AcceptedInvitation> AcceptInvitationAsync(Guid callerId, Guid invitationId, string? verifiedEmail);

    /// <summary>The property's members, owner first, then by join time (owner or manager).</summary>
    [Alias("ListCrewAsync")]
    Task<ImmutableArray<CrewMemberDto>> ListCrewAsync(Guid callerId);

    /// <summary>Changes a member's access level or service (owner or manager); 404 <c>crew.not_found</c> for a non-member.</summary>
    [Alias("UpdateMemberAsync")]
    Task<CrewMemberDto> UpdateMemberAsync(Guid callerId, Guid userId, UpdateCrewMember command);

    /// <summary>Removes a member from the property and from the user's memberships (owner or manager; any member may leave).</summary>
    [Alias("RemoveMemberAsync")]
    Task RemoveMemberAsync(Guid callerId, Guid userId);
}
