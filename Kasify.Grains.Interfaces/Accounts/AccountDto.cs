namespace Kasify.Grains.Interfaces.Accounts;

/// <summary>The caller's profile and account, as <c>GET /account</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Accounts.AccountDto")]
public sealed record AccountDto(
    Guid Id,
    Guid UserId,
    string? Name,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string Locale,
    string? CompanyName,
    string? TaxId,
    DateTimeOffset CreatedAt);
