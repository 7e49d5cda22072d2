using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;

namespace Kasify.Api.Integrations;

/// <summary>
/// The body of an SES.HOSPEDAJES integration's create and update: the arrendador code and web-service credentials the
/// Ministry issued, which Ministry environment to report to, and the application name sent with every communication.
/// </summary>
internal sealed class SesHospedajesIntegrationRequest : IValidatableRequest
{
    /// <summary>How the integration is shown, at most 100 characters; <c>SES Hospedajes</c> when not given.</summary>
    [MaxLength(IntegrationLimits.NameLength)]
    public string? Name { get; init; }

    /// <summary>The arrendador (landlord) code from the SES.HOSPEDAJES registration, at most 10 characters.</summary>
    [Required, MaxLength(IntegrationLimits.ArrendadorCodeLength)]
    public string? ArrendadorCode { get; init; }

    /// <summary>The web-service user (not the portal login).</summary>
    [Required, MaxLength(IntegrationLimits.UsernameLength)]
    public string? Username { get; init; }

    /// <summary>The web-service password; checked with the Ministry, stored encrypted, never returned.</summary>
    [Required, MaxLength(IntegrationLimits.TokenLength)]
    public string? Password { get; init; }

    /// <summary>The Ministry environment: <c>test</c> (PRE) or <c>production</c>, case-insensitive.</summary>
    [Required]
    public string? Environment { get; init; }

    /// <summary>The <c>aplicacion</c> header sent with every communication, at most 50 characters; <c>Kasify</c> when not given.</summary>
    [MaxLength(IntegrationLimits.ApplicationNameLength)]
    public string? ApplicationName { get; init; }
}
