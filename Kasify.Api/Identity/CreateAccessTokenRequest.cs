using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;

namespace Kasify.Api.Identity;

/// <summary>A new personal access token: a display name and an optional expiry.</summary>
internal sealed class CreateAccessTokenRequest : IValidatableRequest
{
    [Required, MaxLength(100)]
    public string? Name { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}
