using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SesReporting;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Rentals;

// The property's part in SES.HOSPEDAJES reporting: it wakes a booking's SES grain around every change that can need a
// communication, and answers that grain's questions about the account and the establishment. The SES grain does the
// sending on its own turn, so a slow Ministry never holds up the property.
internal sealed partial class PropertyGrain : IPropertySesGrain
{
    public Task<PropertySesFacts?> GetSesFactsAsync(Guid bookingId)
    {
        if (!Exists || !state.State.Bookings.ContainsKey(bookingId))
        {
            return Task.FromResult<PropertySesFacts?>(null);
        }

        var details = state.State.Details;
        return Task.FromResult<PropertySesFacts?>(new PropertySesFacts(
            state.State.AccountId, Schedule, details.SesEstablishmentCode, details.HasInternet, details.RoomsCount));
    }

    // Whether a booking change must wake its SES grain: the account reports to SES.HOSPEDAJES, or the booking already has
    // communications (a cancellation still cancels them after the integration is gone).
    private async Task<bool> SesReportingApplies(bool tracked)
    {
        if (tracked)
        {
            return true;
        }

        var integrations = await grains.GetGrain<IAccountGrain>(state.State.AccountId).GetIntegrationsAsync();
        return integrations.Any(integration => integration.Type == IntegrationType.SesHospedajes);
    }

    // Called before a change (the SES grain's reminder then exists even if this activation dies mid-change) and after it
    // (to act at once). Never fails the change itself: the reminder or the next change catches up.
    private async Task WakeSesAsync(Guid bookingId, bool applies)
    {
        if (!applies)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IBookingSesGrain>(bookingId).WakeAsync(PropertyId);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSesWakeFailed(exception, bookingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the SES.HOSPEDAJES reporting of booking {BookingId}; its reminder catches up")]
    private partial void LogSesWakeFailed(Exception exception, Guid bookingId);
}
