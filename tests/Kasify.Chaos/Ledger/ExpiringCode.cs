using Kasify.Chaos.Setup;

namespace Kasify.Chaos.Ledger;

/// <summary>An acknowledged code of a stay that ends during the run, on <see cref="Lock"/>.</summary>
internal sealed record ExpiringCode(Guid Id, Guid BookingId, ChaosLock Lock, string Pin, DateTimeOffset ValidTo);
