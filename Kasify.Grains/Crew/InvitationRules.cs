using System.Collections.Immutable;
using System.Security.Cryptography;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;
using MimeKit;

namespace Kasify.Grains.Crew;

/// <summary>Orleans-free rules of invitations: tokens, defaults and validation (field names are the camelCase wire names).</summary>
internal static class InvitationRules
{
    /// <summary>256 random bits, base64url without padding: URL-safe, so the token can sit in an accept link as it is.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Invitations a property may have open at once (neither revoked, expired nor used up).</summary>
    public const int MaxOpenInvitations = 100;

    /// <summary>How long an invitation stays listed (and answers 410) after it was revoked, expired or used up.</summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(30);

    /// <summary>409 <c>invitation.limit</c> when the open ones among <paramref name="invitations"/> fill the property's quota.</summary>
    public static void EnsureRoom(IEnumerable<PropertyInvitation> invitations, DateTimeOffset now)
    {
        if (invitations.Count(invitation => WhyGone(invitation, now) is null) >= MaxOpenInvitations)
        {
            throw new ConflictException(
                "invitation.limit", $"A property may have at most {MaxOpenInvitations} open invitations; revoke unused ones first.");
        }
    }

    /// <summary>Invitations that ended more than <see cref="KeptAfterEnd"/> ago: they are forgotten, and their tokens with them.</summary>
    public static IReadOnlyList<PropertyInvitation> Prunable(IEnumerable<PropertyInvitation> invitations, DateTimeOffset now) =>
        [.. invitations.Where(invitation => EndedAt(invitation, now) is { } ended && ended + KeptAfterEnd <= now)];

    private static DateTimeOffset? EndedAt(PropertyInvitation invitation, DateTimeOffset now) =>
        invitation.RevokedAt
        ?? (invitation.ExpiresAt <= now ? invitation.ExpiresAt : (DateTimeOffset?)null)
        ?? (invitation.Uses >= invitation.MaxUses ? invitation.AcceptedAt ?? invitation.CreatedAt : (DateTimeOffset?)null);

    /// <summary>The invitation a command describes, defaults applied; every invalid field is reported at once.</summary>
    public static PropertyInvitation Create(CreateInvitation command, Guid createdBy, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.AccessLevel == AccessLevel.Owner || !Enum.IsDefined(command.AccessLevel))
        {
            errors["accessLevel"] = ["Invite as manager, staff or contractor; the owner cannot be invited."];
        }

        if (command.Service is { } service && (!Enum.IsDefined(service) || command.AccessLevel == AccessLevel.Manager))
        {
            errors["service"] = ["A service (cleaning, maintenance, pool, gardening) goes with staff or contractor access only."];
        }

        var email = NormalizeEmail(command.Email);
        if (command.Email is not null && email is null)
        {
            errors["email"] = [$"A single email address of at most {InvitationLimits.EmailMaxLength} characters, or null."];
        }

        var maxUses = command.MaxUses ?? InvitationLimits.DefaultMaxUses;
        if (maxUses is < 1 or > InvitationLimits.MaxMaxUses)
        {
            errors["maxUses"] = [$"Between 1 and {InvitationLimits.MaxMaxUses}, or null for one use."];
        }

        var expiresAt = command.ExpiresAt ?? now + InvitationLimits.DefaultLifetime;
        if (expiresAt <= now || expiresAt > now + InvitationLimits.MaxLifetime)
        {
            errors["expiresAt"] = ["A time in the future, at most 365 days from now, or null for seven days."];
        }

        var locale = command.Locale?.Trim().ToLowerInvariant() ?? "";
        if (!InvitationLimits.Locales.Contains(locale))
        {
            errors["locale"] = ["One of: en, es."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The invitation has invalid fields.", errors.ToImmutableDictionary());
        }

        return new PropertyInvitation
        {
            Id = Guid.NewGuid(),
            Token = NewToken(),
            AccessLevel = command.AccessLevel,
            Service = command.Service,
            Email = email,
            Locale = locale,
            MaxUses = maxUses,
            ExpiresAt = expiresAt,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
    }

    /// <summary>Why the invitation can no longer be accepted, or null while it can.</summary>
    public static InvitationGoneException? WhyGone(PropertyInvitation invitation, DateTimeOffset now)
    {
        if (invitation.RevokedAt is not null)
        {
            return new InvitationGoneException("invitation.revoked", "The invitation was revoked.");
        }

        if (invitation.ExpiresAt <= now)
        {
            return new InvitationGoneException("invitation.expired", "The invitation has expired.");
        }

        return invitation.Uses >= invitation.MaxUses
            ? new InvitationGoneException("invitation.used_up", "The invitation has been used as often as it allows.")
            : null;
    }

    /// <summary>Whether the caller's account email is the one the invitation is bound to (case-insensitive).</summary>
    public static bool EmailMatches(PropertyInvitation invitation, string? callerEmail) =>
        invitation.Email is null
        || (callerEmail is not null && string.Equals(invitation.Email, callerEmail.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > InvitationLimits.EmailMaxLength)
        {
            return null;
        }

        // One plain mailbox: a display name or a list would put other recipients on the invitation.
        return MailboxAddress.TryParse(trimmed, out var mailbox) && mailbox.Address == trimmed && trimmed.Contains('@', StringComparison.Ordinal)
            ? trimmed
            : null;
    }
}
