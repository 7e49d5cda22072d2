using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Storage;

namespace Kasify.Grains.Identity;

internal sealed class SubjectIndexGrain(
    [PersistentState("subjectIndex", StorageNames.Kasify)] IPersistentState<SubjectIndexState> state,
    IGrainFactory grains) : Grain, ISubjectIndexGrain
{
    public async Task<RegistrationResult> RegisterAsync(RegisterUser command)
    {
        var created = !state.RecordExists;
        if (created)
        {
            // Reserve the ids first: if the silo dies before the user exists, the next call finishes the same user.
            state.State.UserId = Guid.NewGuid();
            state.State.AccountId = Guid.NewGuid();
            await state.SaveAsync(this);
        }

        var user = grains.GetGrain<IUserGrain>(state.State.UserId);
        var existing = await user.GetAsync();
        if (existing is not null)
        {
            // Idempotent, and repairs a directory entry missed when an earlier registration failed after the user was saved.
            await grains.GetUserDirectoryShard(existing.Id).UpsertAsync(existing);
            return new RegistrationResult(existing, created);
        }

        var initialized = await user.InitializeAsync(
            new InitializeUser(state.State.AccountId, command.Email, command.FirstName, command.LastName, command.Locale));
        return new RegistrationResult(initialized, true);
    }

    public Task<Guid?> GetUserIdAsync() => Task.FromResult(state.RecordExists ? state.State.UserId : (Guid?)null);
}
