namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// An integration as its account's owner sees it. The secret is never returned: <paramref name="TokenHint"/> shows its
/// last characters only (<c>••••a1b2</c>). <paramref name="SmartLockCount"/> is how many of its devices are assigned.
/// <paramref name="Ses"/> is an SES.HOSPEDAJES integration's non-secret settings (null for other types).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationDto")]
public sealed record IntegrationDto(
    Guid Id,
    IntegrationType Type,
    string Name,
    string TokenHint,
    Uri? Url,
    string? CertificateSha256,
    int SmartLockCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    SesIntegrationSettings? Ses = null);
