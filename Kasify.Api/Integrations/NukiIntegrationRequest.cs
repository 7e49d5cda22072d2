using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;

namespace Kasify.Api.Integrations;

/// <summary>The body of a Nuki integration's create and update: a display name and the Nuki Web API token (web.nuki.io).</summary>
internal sealed class NukiIntegrationRequest : IValidatableRequest
{
    /// <summary>How the integration is shown, at most 100 characters.</summary>
    [Required, MaxLength(IntegrationLimits.NameLength)]
    public string? Name { get; init; }

    /// <summary>The Nuki Web API token; checked with Nuki, stored encrypted, never returned.</summary>
    [Required, MaxLength(IntegrationLimits.TokenLength)]
    public string? Token { get; init; }
}
