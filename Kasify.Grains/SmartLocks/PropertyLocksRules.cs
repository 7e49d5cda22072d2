using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.SmartLocks;

/// <summary>The property locks grain's decisions, independent of Orleans.</summary>
internal static class PropertyLocksRules
{
    /// <summary>How long after a stay ends its window is kept: long enough for a late change to find it.</summary>
    public static readonly TimeSpan KeptAfterDeparture = TimeSpan.FromDays(7);

    private const int SmartLockNameMaxLength = 100;
    private const int ExternalIdMaxLength = 100;

    /// <summary>The change is newer than what is known of its booking.</summary>
    public static bool IsNewer(BookingChange change, IReadOnlyDictionary<Guid, BookingChange> known) =>
        !known.TryGetValue(change.BookingId, out var current) || change.Revision > current.Revision;

    /// <summary>Windows of stays that ended over <see cref="KeptAfterDeparture"/> ago.</summary>
    public static IEnumerable<Guid> Expired(IReadOnlyDictionary<Guid, BookingChange> known, DateTimeOffset now) =>
        known.Where(entry => entry.Value.DepartureAt + KeptAfterDeparture < now).Select(entry => entry.Key);

    /// <summary>The code window a booking change gives every lock.</summary>
    public static AccessCodeRequest Window(BookingChange change) => new(change.BookingId, change.ArrivalAt, change.DepartureAt, change.Revision);

    /// <summary>The trimmed vendor id and name of an assignment; field errors when they are empty or too long.</summary>
    public static (string ExternalId, string? Name) Validate(AssignSmartLock request)
    {
        var externalId = request.ExternalId.Trim();
        var name = request.Name?.Trim();
        if (externalId.Length is 0 or > ExternalIdMaxLength)
        {
            throw new RequestValidationException("validation.failed", "external_id", "The vendor's lock or door id is required.");
        }

        if (name is { Length: 0 or > SmartLockNameMaxLength })
        {
            throw new RequestValidationException("validation.failed", "name", $"The name has 1 to {SmartLockNameMaxLength} characters.");
        }

        return (externalId, name);
    }
}
