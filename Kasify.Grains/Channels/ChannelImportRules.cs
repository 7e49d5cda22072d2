using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Channels;

/// <summary>How an imported event changes the booking that stands for it.</summary>
internal static class ChannelImportRules
{
    /// <summary>
    /// The booking's fields after the event, or null when the booking already matches it (or a cancel finds nothing
    /// to cancel). A move changes dates, status and the reservation code only: names, counts, contacts and notes are
    /// not in a channel's calendar, so what a person entered there survives every sync.
    /// </summary>
    public static BookingDetails? Target(BookingDetails? current, ChannelImportItem item, BookingChannel channel)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Action == ChannelImportAction.Cancel)
        {
            return current is { IsActive: true } ? current with { Status = BookingStatus.Cancelled } : null;
        }

        var status = item.Closure ? BookingStatus.Blocked : BookingStatus.Confirmed;
        if (current is null)
        {
            return new BookingDetails(
                item.From, item.To, channel, item.ChannelId, status, PaymentType: null, item.Closure ? null : item.Notes,
                GuestFirstName: null, GuestLastName: null, GuestEmail: null, GuestPhone: null,
                AdultsCount: 1, ChildrenCount: 0, InfantsCount: 0, SpecialRequests: null,
                ArrivalTime: null, DepartureTime: null, CheckinTime: null, CheckoutTime: null);
        }

        var target = current with { From = item.From, To = item.To, Status = status, ChannelId = item.ChannelId ?? current.ChannelId };
        return target == current ? null : target;
    }
}
