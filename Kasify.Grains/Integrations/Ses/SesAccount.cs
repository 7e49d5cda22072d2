using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// The credentials of one arrendador: the web-service user and password (HTTP Basic, not the portal login; the user
/// format varies, so it is treated as opaque) and the <c>codigoArrendador</c> of the SOAP header.
/// </summary>
/// <param name="Username">Web-service user.</param>
/// <param name="Password">Web-service password.</param>
/// <param name="ArrendadorCode">The entity code (≤10).</param>
/// <param name="Environment">The Ministry endpoint to call.</param>
/// <param name="Application">The <c>aplicacion</c> header value (≤50); the configured default when null.</param>
public sealed record SesAccount(string Username, string Password, string ArrendadorCode, SesEnvironment Environment = SesEnvironment.Test, string? Application = null)
{
    /// <summary>Keeps the password out of logs.</summary>
    public override string ToString() => $"SesAccount {{ Username = {Username}, ArrendadorCode = {ArrendadorCode}, Environment = {Environment} }}";
}
