namespace Kasify.Load.LockCodes;

/// <summary>What the setup created: the property, its assigned locks and the bookings the workers operate on.</summary>
internal sealed record LockCodesFixture(string PropertyId, string IntegrationId, IReadOnlyList<AssignedLock> Locks, IReadOnlyList<BookingSlot> Bookings);
