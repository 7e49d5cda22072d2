using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
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

    // The establishment code and the default times are part of what bookings report: a code set after a refusal reaches
    // the upcoming bookings' communications (one refused for a missing code is sent once the code is there).
    private async Task WakeSesAfterPropertyChangeAsync(PropertyDetails before, PropertyDetails after)
    {
        var reported = (before.SesEstablishmentCode, before.TimeZone, before.CheckinTime, before.CheckoutTime)
            != (after.SesEstablishmentCode, after.TimeZone, after.CheckinTime, after.CheckoutTime);
        if (!reported || !await SesReportingApplies(tracked: false))
        {
            return;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var upcoming = state.State.Bookings.Where(booking => booking.Value.IsActive && booking.Value.To >= today).Select(booking => booking.Key).ToList();
        await Task.WhenAll(upcoming.Select(bookingId => WakeSesAsync(bookingId, applies: true)));
    }

    // Whether a booking change must wake its SES grain: the account reports to SES.HOSPEDAJES, or the booking already has
    // communications (a cancellation still cancels them after the integration is gone).
    // When the account cannot be asked, it wakes anyway: the SES grain finds out itself, and a booking change never fails
    // over reporting.
    private async Task<bool> SesReportingApplies(bool tracked)
    {
        if (tracked)
        {
            return true;
        }

        try
        {
            var integrations = await grains.GetGrain<IAccountGrain>(state.State.AccountId).GetIntegrationsAsync();
            return integrations.Any(integration => integration.Type == IntegrationType.SesHospedajes);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSesAccountUnavailable(exception);
            return true;
        }
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
            await grains.GetGrain<IBookingSesGrain>(bookingId).WakeAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSesWakeFailed(exception, bookingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the SES.HOSPEDAJES reporting of booking {BookingId}; its reminder catches up")]
    private partial void LogSesWakeFailed(Exception exception, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the account's integrations; waking the booking's SES.HOSPEDAJES reporting anyway")]
    private partial void LogSesAccountUnavailable(Exception exception);
}
