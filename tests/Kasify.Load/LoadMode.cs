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
}
