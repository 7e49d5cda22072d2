using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Accounts;

[GenerateSerializer, Alias("Kasify.Grains.Accounts.AccountState")]
internal sealed class AccountState
{
    [Id(0)]
    public Guid OwnerUserId { get; set; }

    [Id(1)]
    public string? Name { get; set; }

    [Id(2)]
    public string? CompanyName { get; set; }

    [Id(3)]
    public string? TaxId { get; set; }

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public HashSet<Guid> PropertyIds { get; set; } = [];

    /// <summary>The account's integrations in the order they were connected.</summary>
    [Id(6)]
    public List<AccountIntegration> Integrations { get; set; } = [];
}
