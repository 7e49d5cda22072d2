using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Tests.Bookings;

/// <summary>Booking patches for tests: start from <see cref="Empty"/> and set fields with <c>with</c>.</summary>
internal static class Patches
{
    public static BookingPatch Empty { get; } = new(
        default, default, default, default, default, default, default, default, default, default,
        default, default, default, default, default, default, default, default, default);
}
