namespace Kasify.Chaos.Ledger;

/// <summary>An acknowledged code of a stay that ends during the run: the device and PIN to watch, and when its window ends.</summary>
internal sealed record ExpiringCode(Guid Id, Guid BookingId, long VendorId, string Pin, DateTimeOffset ValidTo);
