using System.Text.Json.Serialization;

namespace Kasify.Api.Integrations;

/// <summary>
/// An integration as listed, with a <c>type</c> discriminator (<c>nuki</c>, <c>unifi</c>, <c>ses_hospedajes</c>) and a vendor's own fields. The
/// secret is never returned: <c>token_hint</c> shows its last characters only. <c>smartlock_count</c> is how many of its
/// devices are assigned to properties. A new vendor adds its derived type here; orders 4 and 5 are
/// where vendor fields go.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(NukiIntegrationResponse), "nuki")]
[JsonDerivedType(typeof(UnifiIntegrationResponse), "unifi")]
[JsonDerivedType(typeof(SesHospedajesIntegrationResponse), "ses_hospedajes")]
internal abstract record IntegrationResponse(
    [property: JsonPropertyOrder(1)] Guid Id,
    [property: JsonPropertyOrder(2)] string Name,
    [property: JsonPropertyOrder(3)] string TokenHint,
    [property: JsonPropertyOrder(6)] int SmartlockCount,
    [property: JsonPropertyOrder(7)] DateTimeOffset CreatedAt,
    [property: JsonPropertyOrder(8)] DateTimeOffset UpdatedAt);
