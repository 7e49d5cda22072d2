namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// What a host gives to connect or reconnect an integration. <paramref name="Token"/> is the secret (Nuki API token,
/// UniFi <c>api_token</c>); <paramref name="Url"/> and <paramref name="CertificateSha256"/> are the UniFi console's
/// address and the SHA-256 fingerprint its self-signed certificate is pinned to; <paramref name="Ses"/> is the
/// SES.HOSPEDAJES integration's non-secret data (its password is the token). Fields a type does not use are null.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationSettings")]
public sealed record IntegrationSettings(string Name, string Token, Uri? Url = null, string? CertificateSha256 = null, SesIntegrationSettings? Ses = null)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"IntegrationSettings {{ Name = {Name}, Url = {Url}, CertificateSha256 = {CertificateSha256}, Ses = {Ses} }}";
}
