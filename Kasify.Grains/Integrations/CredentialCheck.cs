namespace Kasify.Grains.Integrations;

/// <summary>The outcome of checking an integration's credentials with its vendor.</summary>
internal enum CredentialCheck
{
    Valid,
    InvalidCredentials,
    CertificateRejected,
    Unreachable,
}
