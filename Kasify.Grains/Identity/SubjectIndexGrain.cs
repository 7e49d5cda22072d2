using Kasify.Grains.Interfaces.Identity;

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
            await state.WriteStateAsync();
        }

        var user = grains.GetGrain<IUserGrain>(state.State.UserId);
        var existing = await user.GetAsync();
        if (existing is not null)
        {
            return new RegistrationResult(existing, created);
        }

        var initialized = await user.InitializeAsync(
            new InitializeUser(state.State.AccountId, command.Email, command.FirstName, command.LastName, command.Locale));
        return new RegistrationResult(initialized, true);
    }

    public Task<Guid?> GetUserIdAsync() => Task.FromResult(state.RecordExists ? state.State.UserId : (Guid?)null);
}
