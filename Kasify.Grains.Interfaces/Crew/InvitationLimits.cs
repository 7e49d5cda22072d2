namespace Kasify.Grains.Interfaces.Crew;

/// <summary>Bounds and defaults of invitations, shared by the API's validation and the property grain.</summary>
public static class InvitationLimits
{
    /// <summary>How long an invitation lasts when the request names no expiry.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    /// <summary>The latest expiry an invitation may have, counted from its creation.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    /// <summary>Uses when the request names none: the UI's "can be used once".</summary>
    public const int DefaultMaxUses = 1;

    /// <summary>The most uses one invitation may allow.</summary>
    public const int MaxMaxUses = 1000;

    /// <summary>The longest email address (RFC 5321 path limit).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Locales an invitation email is written in.</summary>
    public static readonly IReadOnlyList<string> Locales = ["en", "es"];
}
