using Kasify.Grains.Interfaces.Accounts;

namespace Kasify.Api.Accounts;

/// <summary>The caller's profile and account.</summary>
internal sealed record AccountResponse(
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
    DateTimeOffset CreatedAt)
{
    public static AccountResponse From(AccountDto account) => new(
        account.Id, account.UserId, account.Name, account.Email, account.FirstName, account.LastName, account.Phone,
        account.Locale, account.CompanyName, account.TaxId, account.CreatedAt);
}
