using System.Text.Json.Serialization;

namespace Kasify.Api.Integrations;

/// <summary>A UniFi Access console integration (<c>type: unifi</c>): its URL and the pinned certificate fingerprint, if any.</summary>
internal sealed record UnifiIntegrationResponse(
    Guid Id,
    string Name,
    string TokenHint,
    [property: JsonPropertyOrder(4)] Uri? Url,
    [property: JsonPropertyOrder(5)] string? CertificateSha256,
    int SmartlockCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : IntegrationResponse(Id, Name, TokenHint, SmartlockCount, CreatedAt, UpdatedAt);
