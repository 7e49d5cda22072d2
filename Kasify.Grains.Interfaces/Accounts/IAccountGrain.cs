using System.Collections.Immutable;

using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Interfaces.Accounts;

/// <summary>An account: the business unit that owns properties and integrations. Key: account id.</summary>
[Alias("Kasify.Grains.Interfaces.Accounts.IAccountGrain")]
public interface IAccountGrain : IGrainWithGuidKey
{
    /// <summary>Creates the account for its owner (idempotent).</summary>
    [Alias("InitializeAsync")]
    Task<AccountProfile> InitializeAsync(Guid ownerUserId, string? name);

    /// <summary>The account, or null if it does not exist.</summary>
    [Alias("GetAsync")]
    Task<AccountProfile?> GetAsync();

    /// <summary>Replaces the business fields.</summary>
    [Alias("UpdateAsync")]
    Task<AccountProfile> UpdateAsync(string? name, string? companyName, string? taxId);

    /// <summary>Records a property created in this account.</summary>
    [Alias("AddPropertyAsync")]
    Task AddPropertyAsync(Guid propertyId);

    /// <summary>Forgets a deleted property.</summary>
    [Alias("RemovePropertyAsync")]
    Task RemovePropertyAsync(Guid propertyId);

    /// <summary>Ids of the account's properties.</summary>
    [Alias("GetPropertyIdsAsync")]
    Task<ImmutableArray<Guid>> GetPropertyIdsAsync();

    /// <summary>Adds an integration to the account's list; 409 <c>integration.exists</c> when another of its type is listed.</summary>
    [Alias("AddIntegrationAsync")]
    Task AddIntegrationAsync(AccountIntegration integration);

    /// <summary>Removes an integration from the list; removing a missing one is a no-op.</summary>
    [Alias("RemoveIntegrationAsync")]
    Task RemoveIntegrationAsync(Guid integrationId);

    /// <summary>The account's integrations, oldest first.</summary>
    [Alias("GetIntegrationsAsync")]
    Task<ImmutableArray<AccountIntegration>> GetIntegrationsAsync();
}
