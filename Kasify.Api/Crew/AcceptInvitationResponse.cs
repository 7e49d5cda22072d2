using System.Text.Json.Serialization;

namespace Kasify.Api.Crew;

/// <summary>AcceptInvitationResponse (camelCase, as the reference shows it): the property the caller now has access to.</summary>
internal sealed record AcceptInvitationResponse(
    [property: JsonPropertyName("propertyId")] Guid PropertyId,
    [property: JsonPropertyName("propertyName")] string PropertyName);
