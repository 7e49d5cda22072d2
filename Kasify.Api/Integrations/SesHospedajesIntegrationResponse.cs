using System.Text.Json.Serialization;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>
/// An SES.HOSPEDAJES integration (<c>type: ses_hospedajes</c>): its arrendador code, web-service user, environment
/// (<c>test</c> or <c>production</c>) and application name. The password is never returned; <c>token_hint</c> masks it.
/// It has no devices, so <c>smartlock_count</c> is 0.
/// </summary>
internal sealed record SesHospedajesIntegrationResponse(
    Guid Id,
    string Name,
    string TokenHint,
    [property: JsonPropertyOrder(4)] string ArrendadorCode,
    [property: JsonPropertyOrder(4)] string Username,
    [property: JsonPropertyOrder(5)] SesEnvironment Environment,
    [property: JsonPropertyOrder(5)] string ApplicationName,
    int SmartlockCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : IntegrationResponse(Id, Name, TokenHint, SmartlockCount, CreatedAt, UpdatedAt);
