using System.Text.Json.Serialization;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Crew;

/// <summary>
/// PropertyInvitation, in camelCase as the reference shows it (unlike the rest of the API). <c>token</c> is the code
/// the invitee accepts with; <c>acceptedAt</c> is the latest accept; <c>service</c> goes with staff and contractor access.
/// </summary>
internal sealed record InvitationResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("propertyId")] Guid PropertyId,
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("uses")] int Uses,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("accessLevel")] AccessLevel AccessLevel,
    [property: JsonPropertyName("service")] CrewService? Service,
    [property: JsonPropertyName("locale")] string Locale,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("maxUses")] int? MaxUses,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("acceptedAt")] DateTimeOffset? AcceptedAt)
{
    public static InvitationResponse From(InvitationDto invitation) => new(
        invitation.Id,
        invitation.PropertyId,
        invitation.Token,
        invitation.Uses,
        invitation.CreatedAt,
        invitation.AccessLevel,
        invitation.Service,
        invitation.Locale,
        invitation.Email,
        invitation.MaxUses,
        invitation.ExpiresAt,
        invitation.AcceptedAt);
}
