using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;

namespace Kasify.Api.Accounts;

/// <summary>Replaces the caller's mutable profile and account fields (absent fields become empty).</summary>
internal sealed class UpdateAccountRequest : IValidatableRequest
{
    [MaxLength(200)]
    public string? Name { get; init; }

    [MaxLength(254), EmailAddress]
    public string? Email { get; init; }

    [MaxLength(100)]
    public string? FirstName { get; init; }

    [MaxLength(100)]
    public string? LastName { get; init; }

    [MaxLength(30), Phone]
    public string? Phone { get; init; }

    [Required]
    public AccountLocale? Locale { get; init; }

    [MaxLength(200)]
    public string? CompanyName { get; init; }

    [MaxLength(30)]
    public string? TaxId { get; init; }
}
