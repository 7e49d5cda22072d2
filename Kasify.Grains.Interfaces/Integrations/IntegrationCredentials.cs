namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// The decrypted connection data lock grains use to call the vendor. Silo-internal: the API never asks for it.
/// <paramref name="Version"/> changes whenever the host updates the integration; <paramref name="Ses"/> is set for SES.HOSPEDAJES
/// integrations (then <paramref name="Token"/> is the web-service password).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationCredentials")]
public sealed record IntegrationCredentials(IntegrationType Type, string Token, Uri? Url, string? CertificateSha256, int Version, SesIntegrationSettings? Ses = null)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"IntegrationCredentials {{ Type = {Type}, Url = {Url}, Version = {Version} }}";
}
