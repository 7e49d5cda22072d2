using Kasify.Grains.Interfaces.Errors;
using Orleans.Storage;

namespace Kasify.Grains.Storage;

/// <summary>
/// Every state write of a Kasify grain goes through here. Grains change their state in memory before writing it; if
/// the write fails, that memory is ahead of storage, and a later successful write would persist a change the caller
/// was told had failed. So a failed write deactivates the grain (its next activation reads what storage really holds)
/// and reports the failure as a retryable error instead of a 500.
/// </summary>
internal static class PersistentStateExtensions
{
    public static async Task SaveAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not KasifyException)
        {
            throw Fail(grain, exception);
        }
    }

    public static async Task ClearAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch (Exception exception) when (exception is not KasifyException)
        {
            throw Fail(grain, exception);
        }
    }

    private static KasifyException Fail(IGrainBase grain, Exception exception)
    {
        grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "State write failed; reload from storage."));
        return exception is InconsistentStateException
            ? new ConflictException("storage.conflict", "The record was changed concurrently; retry the request.")
            : new IntegrationUnavailableException("storage.unavailable", "Storage is unavailable; retry the request later.");
    }
}
