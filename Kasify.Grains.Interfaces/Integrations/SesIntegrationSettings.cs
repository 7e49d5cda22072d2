namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>
/// The non-secret part of an SES.HOSPEDAJES integration: the <c>codigoArrendador</c> (≤10), the web-service user,
/// the Ministry environment and the <c>aplicacion</c> header value (≤50). The password travels as the settings' token.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.SesIntegrationSettings")]
public sealed record SesIntegrationSettings(string ArrendadorCode, string Username, SesEnvironment Environment, string ApplicationName);
