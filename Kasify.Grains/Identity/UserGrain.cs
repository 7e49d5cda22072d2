using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Identity;

internal sealed class UserGrain(
    [PersistentState("user", StorageNames.Kasify)] IPersistentState<UserState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, IUserGrain
{
    private Guid UserId => this.GetPrimaryKey();

    private IAccountGrain Account => grains.GetGrain<IAccountGrain>(state.State.AccountId);

    public async Task<UserDto> InitializeAsync(InitializeUser command)
    {
        if (state.RecordExists)
        {
            return ToDto();
        }

        var name = string.Join(' ', new[] { command.FirstName, command.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        await grains.GetGrain<IAccountGrain>(command.AccountId).InitializeAsync(UserId, name.Length > 0 ? name : command.Email);
        state.State.AccountId = command.AccountId;
        state.State.Email = command.Email;
        state.State.FirstName = command.FirstName;
        state.State.LastName = command.LastName;
        state.State.Locale = command.Locale;
        state.State.CreatedAt = time.GetUtcNow();
        await state.SaveAsync(this);

        var user = ToDto();
        await grains.GetUserDirectoryShard(UserId).UpsertAsync(user);
        return user;
    }

    public Task<UserDto?> GetAsync() => Task.FromResult(state.RecordExists ? ToDto() : null);

    public async Task<AccountDto> GetAccountAsync()
    {
        EnsureExists();
        var account = await Account.GetAsync() ?? throw new NotFoundException("account.not_found", "The account does not exist.");
        return ToAccountDto(account);
    }

    public async Task<AccountDto> UpdateAccountAsync(UpdateAccount command)
    {
        EnsureExists();
        var account = await Account.UpdateAsync(command.Name, command.CompanyName, command.TaxId);
        state.State.Email = command.Email;
        state.State.FirstName = command.FirstName;
        state.State.LastName = command.LastName;
        state.State.Phone = command.Phone;
        state.State.Locale = command.Locale;
        await state.SaveAsync(this);
        await grains.GetUserDirectoryShard(UserId).UpsertAsync(ToDto());
        return ToAccountDto(account);
    }

    public async Task<CreatedAccessTokenDto> CreateAccessTokenAsync(CreateAccessToken command)
    {
        EnsureExists();
        var now = time.GetUtcNow();
        AccessTokenRules.EnsureValid(command, now, state.State.Tokens.Count(token => AccessTokenRules.IsActive(token, now)));

        // Expired tokens can never be used or listed again: their records and index entries go, so the row stays bounded.
        foreach (var expired in state.State.Tokens.Where(token => !AccessTokenRules.IsActive(token, now)).ToList())
        {
            await grains.GetGrain<IAccessTokenIndexGrain>(expired.IndexKey).RevokeAsync();
            state.State.Tokens.Remove(expired);
        }

        var raw = AccessTokenRules.NewRawToken();
        var record = new AccessTokenRecord
        {
            Id = Guid.NewGuid(),
            Name = command.Name.Trim(),
            TokenPrefix = AccessTokenRules.DisplayPrefix(raw),
            IndexKey = AccessTokenKeys.For(raw),
            CreatedAt = now,
            ExpiresAt = command.ExpiresAt,
        };

        // The index entry comes first: a token the user can list but not use would be worse than an orphaned index row,
        // which nobody can ever present (its raw value is returned only below).
        await grains.GetGrain<IAccessTokenIndexGrain>(record.IndexKey)
            .RegisterAsync(new AccessTokenIdentity(record.Id, UserId), record.ExpiresAt);
        state.State.Tokens.Add(record);
        await state.SaveAsync(this);
        return new CreatedAccessTokenDto(record.Id, record.Name, raw, record.TokenPrefix, record.CreatedAt, record.ExpiresAt);
    }

    public async Task<ImmutableArray<AccessTokenDto>> ListAccessTokensAsync()
    {
        EnsureExists();
        var now = time.GetUtcNow();
        var active = state.State.Tokens.Where(token => AccessTokenRules.IsActive(token, now)).OrderByDescending(token => token.CreatedAt).ToList();
        var lastUsed = await Task.WhenAll(active.Select(token => grains.GetGrain<IAccessTokenIndexGrain>(token.IndexKey).GetLastUsedAtAsync()));
        return [.. active.Select((token, i) =>
            new AccessTokenDto(token.Id, token.Name, token.TokenPrefix, token.CreatedAt, lastUsed[i], token.ExpiresAt))];
    }

    public async Task RevokeAccessTokenAsync(Guid tokenId)
    {
        EnsureExists();
        var token = state.State.Tokens.Find(candidate => candidate.Id == tokenId)
            ?? throw new NotFoundException("token.not_found", "No such token.");
        await grains.GetGrain<IAccessTokenIndexGrain>(token.IndexKey).RevokeAsync();
        state.State.Tokens.Remove(token);
        await state.SaveAsync(this);
    }

    public Task<ImmutableArray<PropertyMembership>> GetMembershipsAsync() =>
        Task.FromResult<ImmutableArray<PropertyMembership>>(
            [.. state.State.Memberships.Select(entry => new PropertyMembership(entry.Key, entry.Value))]);

    public async Task SetMembershipAsync(PropertyMembership membership)
    {
        EnsureExists();
        if (state.State.Memberships.TryGetValue(membership.PropertyId, out var current) && current == membership.AccessLevel)
        {
            return;
        }

        state.State.Memberships[membership.PropertyId] = membership.AccessLevel;
        await state.SaveAsync(this);
    }

    public async Task RemoveMembershipAsync(Guid propertyId)
    {
        if (state.State.Memberships.Remove(propertyId))
        {
            await state.SaveAsync(this);
        }
    }

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("user.not_found", "The user is not registered.");
        }
    }

    private UserDto ToDto() => new(
        UserId, state.State.AccountId, state.State.Email, state.State.FirstName, state.State.LastName, state.State.Phone,
        state.State.Locale, state.State.CreatedAt);

    private AccountDto ToAccountDto(AccountProfile account) => new(
        account.Id, UserId, account.Name, state.State.Email, state.State.FirstName, state.State.LastName, state.State.Phone,
        state.State.Locale, account.CompanyName, account.TaxId, account.CreatedAt);
}
