using System.Collections.Immutable;
using Kasify.Grains.Integrations;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Accounts;

internal sealed class AccountGrain(
    [PersistentState("account", StorageNames.Kasify)] IPersistentState<AccountState> state,
    TimeProvider time) : Grain, IAccountGrain
{
    public async Task<AccountProfile> InitializeAsync(Guid ownerUserId, string? name)
    {
        if (!state.RecordExists)
        {
            state.State.OwnerUserId = ownerUserId;
            state.State.Name = name;
            state.State.CreatedAt = time.GetUtcNow();
            await state.SaveAsync(this);
        }

        return ToProfile();
    }

    public Task<AccountProfile?> GetAsync() => Task.FromResult(state.RecordExists ? ToProfile() : null);

    public async Task<AccountProfile> UpdateAsync(string? name, string? companyName, string? taxId)
    {
        EnsureExists();
        state.State.Name = name;
        state.State.CompanyName = companyName;
        state.State.TaxId = taxId;
        await state.SaveAsync(this);
        return ToProfile();
    }

    public async Task AddPropertyAsync(Guid propertyId)
    {
        EnsureExists();
        if (state.State.PropertyIds.Add(propertyId))
        {
            await state.SaveAsync(this);
        }
    }

    public async Task RemovePropertyAsync(Guid propertyId)
    {
        if (state.State.PropertyIds.Remove(propertyId))
        {
            await state.SaveAsync(this);
        }
    }

    public Task<ImmutableArray<Guid>> GetPropertyIdsAsync() => Task.FromResult<ImmutableArray<Guid>>([.. state.State.PropertyIds]);

    public async Task AddIntegrationAsync(AccountIntegration integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        EnsureExists();
        var integrations = state.State.Integrations;
        if (integrations.Any(existing => existing.Id == integration.Id))
        {
            return;
        }

        IntegrationRules.EnsureFirstOfType(integrations, integration.Type);
        integrations.Add(integration);
        await state.SaveAsync(this);
    }

    public async Task RemoveIntegrationAsync(Guid integrationId)
    {
        if (state.State.Integrations.RemoveAll(existing => existing.Id == integrationId) > 0)
        {
            await state.SaveAsync(this);
        }
    }

    public Task<ImmutableArray<AccountIntegration>> GetIntegrationsAsync() =>
        Task.FromResult<ImmutableArray<AccountIntegration>>([.. state.State.Integrations]);

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("account.not_found", "The account does not exist.");
        }
    }

    private AccountProfile ToProfile() => new(
        this.GetPrimaryKey(), state.State.OwnerUserId, state.State.Name, state.State.CompanyName, state.State.TaxId, state.State.CreatedAt);
}
