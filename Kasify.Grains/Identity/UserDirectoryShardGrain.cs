using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Identity;

internal sealed class UserDirectoryShardGrain(
    [PersistentState("userDirectoryShard", StorageNames.Kasify)] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryShardGrain
{
    public async Task UpsertAsync(UserDto user)
    {
        if (state.State.Users.TryGetValue(user.Id, out var current) && current == user)
        {
            return;
        }

        state.State.Users[user.Id] = user;
        await state.SaveAsync(this);
    }

    public async Task AddMissingAsync(ImmutableArray<UserDto> users)
    {
        var added = 0;
        foreach (var user in users)
        {
            added += state.State.Users.TryAdd(user.Id, user) ? 1 : 0;
        }

        if (added > 0)
        {
            await state.SaveAsync(this);
        }
    }

    public Task<int> CountAsync() => Task.FromResult(state.State.Users.Count);

    public Task<ImmutableArray<UserDto>> ListAsync(int skip, int take) =>
        Task.FromResult<ImmutableArray<UserDto>>([.. UserDirectoryRules.InListOrder(state.State.Users.Values).Skip(skip).Take(take)]);
}
