using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Grains.Tests.Crew;

public sealed class InvitationRulesTests
{
    private static readonly DateTimeOffset Now = new(2031, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InvitationsEndedOverThirtyDaysAgoArePrunedAndOthersKept()
    {
        var open = Invitation(expiresAt: Now.AddDays(3));
        var revokedLongAgo = Invitation(expiresAt: Now.AddDays(3), revokedAt: Now.AddDays(-31));
        var revokedLately = Invitation(expiresAt: Now.AddDays(3), revokedAt: Now.AddDays(-29));
        var expiredLongAgo = Invitation(expiresAt: Now.AddDays(-31));
        var expiredLately = Invitation(expiresAt: Now.AddDays(-1));
        var usedUpLongAgo = Invitation(expiresAt: Now.AddDays(60), uses: 1, acceptedAt: Now.AddDays(-40));
        var usedUpLately = Invitation(expiresAt: Now.AddDays(60), uses: 1, acceptedAt: Now.AddDays(-2));

        var pruned = InvitationRules.Prunable(
            [open, revokedLongAgo, revokedLately, expiredLongAgo, expiredLately, usedUpLongAgo, usedUpLately], Now);

        Assert.Equal([revokedLongAgo.Id, expiredLongAgo.Id, usedUpLongAgo.Id], pruned.Select(invitation => invitation.Id));
    }

    [Fact]
    public void AHundredOpenInvitationsFillTheQuotaButEndedOnesDoNotCount()
    {
        var open = Enumerable.Range(0, InvitationRules.MaxOpenInvitations - 1).Select(_ => Invitation(expiresAt: Now.AddDays(1))).ToList();
        var ended = Enumerable.Range(0, 50).Select(_ => Invitation(expiresAt: Now.AddDays(-1))).ToList();

        InvitationRules.EnsureRoom([.. open, .. ended], Now);
        var full = Assert.Throws<ConflictException>(() => InvitationRules.EnsureRoom([.. open, Invitation(expiresAt: Now.AddDays(1))], Now));

        Assert.Equal("invitation.limit", full.Code);
    }

    private static PropertyInvitation Invitation(
        DateTimeOffset expiresAt, DateTimeOffset? revokedAt = null, int uses = 0, DateTimeOffset? acceptedAt = null) => new()
        {
            Id = Guid.NewGuid(),
            Token = Guid.NewGuid().ToString("N"),
            CreatedAt = Now.AddDays(-90),
            ExpiresAt = expiresAt,
            RevokedAt = revokedAt,
            MaxUses = 1,
            Uses = uses,
            AcceptedAt = acceptedAt,
        };
}
