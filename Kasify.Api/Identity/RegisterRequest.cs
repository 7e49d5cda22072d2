using System.ComponentModel.DataAnnotations;
using Kasify.Api.Accounts;
using Kasify.Api.Validation;

namespace Kasify.Api.Identity;

/// <summary>Optional profile for registration; token claims (email, given_name, family_name) fill what is absent.</summary>
internal sealed class RegisterRequest : IValidatableRequest
{
    [MaxLength(100)]
    public string? FirstName { get; init; }

    [MaxLength(100)]
    public string? LastName { get; init; }

    [MaxLength(254), EmailAddress]
    public string? Email { get; init; }

    public AccountLocale? Locale { get; init; }
}
