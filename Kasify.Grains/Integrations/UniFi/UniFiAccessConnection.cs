namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// Where and how to reach one integration's console: its base URL (e.g. <c>https://192.168.1.1:12445</c>), its API
/// token, and the SHA-256 fingerprint its self-signed certificate is pinned to (hex, colons and case ignored).
/// Without a fingerprint the certificate must be trusted by the system, as for an uploaded one.
/// </summary>
public sealed record UniFiAccessConnection(Uri BaseUrl, string ApiToken, string? CertificateSha256)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"UniFiAccessConnection {{ BaseUrl = {BaseUrl}, CertificateSha256 = {CertificateSha256} }}";
}
