namespace Kasify.Grains.Integrations;

/// <summary>The outcome of checking an integration's credentials with its vendor.</summary>
internal enum CredentialCheck
{
    Valid,
    InvalidCredentials,
    Unreachable,

    /// <summary>The user and password were accepted but the account code is not (SES.HOSPEDAJES' arrendador code).</summary>
    InvalidArrendador,
}
