using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;

namespace Kasify.Api.Integrations;

/// <summary>
/// The body of a UniFi Access integration's create and update: a display name, the console's developer API address, an
/// API token made on the console, and optionally the SHA-256 fingerprint of the console's self-signed certificate.
/// </summary>
internal sealed class UnifiIntegrationRequest : IValidatableRequest
{
    /// <summary>How the integration is shown, at most 100 characters.</summary>
    [Required, MaxLength(IntegrationLimits.NameLength)]
    public string? Name { get; init; }

    /// <summary>The console's developer API, an absolute https URL, e.g. <c>https://192.168.1.1:12445</c>; port 12445 when none is given.</summary>
    [Required, MaxLength(IntegrationLimits.UrlLength)]
    public string? Url { get; init; }

    /// <summary>An API token from the console's UniFi Access settings; checked with the console, stored encrypted, never returned.</summary>
    [Required, MaxLength(IntegrationLimits.TokenLength)]
    public string? ApiToken { get; init; }

    /// <summary>
    /// The SHA-256 fingerprint of the console's certificate: 64 hex digits, colons allowed. The certificate is pinned to it;
    /// without it the certificate must be trusted by the system.
    /// </summary>
    [RegularExpression("^(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$", ErrorMessage = "A SHA-256 fingerprint: 64 hex digits, colons allowed.")]
    public string? CertificateSha256 { get; init; }
}
