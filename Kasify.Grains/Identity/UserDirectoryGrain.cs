using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Identity;

internal sealed class UserDirectoryGrain(
    [PersistentState("userDirectory", StorageNames.Kasify)] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryGrain
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

    public Task<Page<UserDto>> ListAsync(PageRequest page) =>
        Task.FromResult(Page<UserDto>.Of([.. state.State.Users.Values.OrderBy(user => user.CreatedAt).ThenBy(user => user.Id)], page));
}
