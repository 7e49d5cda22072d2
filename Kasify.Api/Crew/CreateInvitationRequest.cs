using System.Text.Json.Serialization;
using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Api.Crew;

/// <summary>
/// CreateInvitationRequest (camelCase, as the reference shows it). <c>accessLevel</c>: manager, staff or contractor (any
/// case); <c>service</c>: cleaning, maintenance, pool or gardening, for staff and contractors; <c>email</c> binds the
/// invitation to that address and sends it the code; <c>maxUses</c> null means once; <c>expiresAt</c> null means seven
/// days; <c>locale</c> en (default) or es.
/// </summary>
internal sealed class CreateInvitationRequest
{
    /// <summary>The email the invitation is bound to and sent to, or null for a code shared by hand.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>How many people may accept; null for one.</summary>
    [JsonPropertyName("maxUses")]
    public int? MaxUses { get; init; }

    /// <summary>When the invitation stops working; null for seven days from now.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>manager, staff or contractor.</summary>
    [JsonPropertyName("accessLevel")]
    public string? AccessLevel { get; init; }

    /// <summary>The language of the email: en or es.</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    /// <summary>cleaning, maintenance, pool or gardening (staff and contractors only).</summary>
    [JsonPropertyName("service")]
    public string? Service { get; init; }

    /// <summary>The grain command; wire values that name nothing are 400 field errors, all reported at once.</summary>
    public CreateInvitation ToCommand()
    {
        var errors = new Dictionary<string, List<string>>();
        var level = CrewWire.ParseAccessLevel(AccessLevel, required: true, errors);
        var service = CrewWire.ParseService(Service, errors);
        var locale = Locale?.Trim().ToLowerInvariant() ?? "en";
        if (!InvitationLimits.Locales.Contains(locale))
        {
            CrewWire.Add(errors, "locale", "One of: en, es.");
        }

        CrewWire.ThrowIfAny(errors);
        return new CreateInvitation(level!.Value, service, Email, MaxUses, ExpiresAt, locale);
    }
}
