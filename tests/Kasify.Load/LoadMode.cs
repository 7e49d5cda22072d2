namespace Kasify.Load;

/// <summary>The kind of request each worker sends.</summary>
internal enum LoadMode
{
    /// <summary>GET the path.</summary>
    Get,

    /// <summary>
    /// POST a one-night booking to the path (<c>/v1/properties/{id}/bookings</c>); request n books the n-th night after a
    /// random far-future start, so no two requests overlap.
    /// </summary>
    CreateBookings,

    /// <summary>
    /// Sets up a property with Nuki locks and bookings, then mixes access code creates, revokes, reads and booking date
    /// moves (see <see cref="LockCodes.LockCodesMode"/>); <c>--path</c> is not used.
    /// </summary>
    LockCodes,

    /// <summary>
    /// Reads through the API against a bare Kestrel endpoint answering the same bytes, in the same run (see
    /// <see cref="ReadRatio.ReadRatioMode"/>); <c>--path</c> is not used.
    /// </summary>
    ReadRatio,

    /// <summary>
    /// The public check-in read at rest and while the owner works on the same property with a slow vendor and a dead
    /// SMTP server (see <see cref="CheckinLatency.CheckinLatencyMode"/>); <c>--path</c> is not used.
    /// </summary>
    CheckinLatency,

    /// <summary>
    /// Booking creation on an empty property and on a full one, and the largest stored rows (see
    /// <see cref="BookingScale.BookingScaleMode"/>); <c>--path</c> is not used.
    /// </summary>
    BookingScale,

    /// <summary>
    /// What channel calendar sync costs: the first import of a large feed, an unchanged re-read and a 304 (see
    /// <see cref="ChannelImport.ChannelImportMode"/>); <c>--path</c> is not used.
    /// </summary>
    ChannelImport,
}
