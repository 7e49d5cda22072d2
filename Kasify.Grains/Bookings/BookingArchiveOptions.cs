namespace Kasify.Grains.Bookings;

/// <summary>
/// When a booking calendar moves ended stays to its yearly archives; a property's tasks grain moves its finished tasks
/// to its own yearly archives on the same age and pass period.
/// </summary>
public sealed class BookingArchiveOptions
{
    /// <summary>
    /// How long after its departure date a stay stays in the calendar's own row. 90 days: by then the stay's police
    /// report, cleaning, payout and the usual after-stay corrections (damage claims, refunds, late reviews, a note added
    /// to the guest's record) are behind it, so an archived stay is rarely written again, and the row holds about one
    /// season of history besides what is to come. New bookings may still be entered that far back (the accepted dates
    /// start in 2000); their overlap check reads the archives of the years they reach.
    /// </summary>
    public TimeSpan ArchiveAfter { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often an active calendar looks for stays to move; it also looks right after activating.</summary>
    public TimeSpan PassPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How soon after accepting a stay that is already old enough to archive (history being entered) the calendar moves
    /// it, so a backfill of years of bookings does not grow the row until the next daily pass.
    /// </summary>
    public TimeSpan BackfillDelay { get; set; } = TimeSpan.FromSeconds(10);
}
