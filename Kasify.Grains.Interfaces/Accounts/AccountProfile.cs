namespace Kasify.Grains.Interfaces.Accounts;

/// <summary>The business side of an account (the user grain owns the personal side).</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Accounts.AccountProfile")]
public sealed record AccountProfile(Guid Id, Guid OwnerUserId, string? Name, string? CompanyName, string? TaxId, DateTimeOffset CreatedAt);
