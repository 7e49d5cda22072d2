namespace Kasify.Grains.Interfaces.Accounts;

/// <summary>Replaces the mutable profile (user) and business (account) fields.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Accounts.UpdateAccount")]
public sealed record UpdateAccount(
    string? Name,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string Locale,
    string? CompanyName,
    string? TaxId);
