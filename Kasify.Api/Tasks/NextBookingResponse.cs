using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>The stay a cleaning task prepares for: dates and head count, never guest personal data.</summary>
internal sealed record NextBookingResponse(DateOnly From, DateOnly To, int GuestsNumber)
{
    public static NextBookingResponse? Of(NextBookingInfo? next) => next is null ? null : new(next.From, next.To, next.GuestsNumber);
}
