namespace Kasify.Grains.Integrations.UniFi;

/// <summary>The outcome of checking an integration's URL, token and pinned certificate against the console.</summary>
public enum UniFiCredentialCheck
{
    Valid,
    InvalidCredentials,
    Unreachable,
    CertificateRejected,
}
