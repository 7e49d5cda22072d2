using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tests.Bookings;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>Bookings and booking patches for lock tests.</summary>
internal static class LockStays
{
    private static readonly DateOnly FirstSlot = new(2031, 3, 1);

    /// <summary>
    /// Two nights in slot <paramref name="slot"/> of three days from March 2031, <paramref name="shift"/> (0 or 1) days in:
    /// stays in different slots never overlap, whatever their shift.
    /// </summary>
    public static BookingDetails InSlot(int slot, int shift = 0)
    {
        var from = FirstSlot.AddDays((3 * slot) + shift);
        return BookingRulesTests.Stay("2031-03-01", "2031-03-03") with { From = from, To = from.AddDays(2) };
    }

    /// <summary>Moves a booking to <see cref="InSlot"/>'s dates for <paramref name="slot"/> and <paramref name="shift"/>.</summary>
    public static BookingPatch MoveInSlot(int slot, int shift)
    {
        var dates = InSlot(slot, shift);
        return Patches.Empty with { From = Patch<DateOnly?>.Set(dates.From), To = Patch<DateOnly?>.Set(dates.To) };
    }

    /// <summary>Cancels a booking.</summary>
    public static BookingPatch Cancel { get; } = Patches.Empty with { Status = Patch<BookingStatus?>.Set(BookingStatus.Cancelled) };

    /// <summary>
    /// A stay that began yesterday at midnight and ends <paramref name="lead"/> from now (rounded up to a whole second),
    /// expressed as the property's local date and departure time.
    /// </summary>
    public static BookingDetails EndingIn(TimeSpan lead, string timeZone = PropertyLimits.DefaultTimeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var end = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + lead, zone);
        end = end.AddTicks(TimeSpan.TicksPerSecond - (end.Ticks % TimeSpan.TicksPerSecond));
        var day = DateOnly.FromDateTime(end.DateTime);
        return BookingRulesTests.Stay("2031-03-01", "2031-03-03") with
        {
            From = day.AddDays(-1),
            To = day,
            ArrivalTime = TimeOnly.MinValue,
            DepartureTime = TimeOnly.FromDateTime(end.DateTime),
        };
    }
}
