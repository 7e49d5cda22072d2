using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>
/// What the grains that serve one concern of a property (its calendar, tasks, locks, guests) need to know about it to
/// decide who may do what: the members and their roles, the details (name, zone, times, establishment data), whether
/// it is deleted. The property pushes a new version after every change and again until each grain has taken it, so
/// those grains never call the property back. A grain keeps the highest version it was given.
/// </summary>
/// <param name="Version">Grows with every change of the property.</param>
/// <param name="AccountId">The owner's account.</param>
/// <param name="Deleted">The property is gone (or going): nobody has a role any more.</param>
/// <param name="Details">Every field the owner sets.</param>
/// <param name="Members">Each member's access level, the owner included.</param>
/// <param name="Services">The service of each staff member or contractor that has one.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Rentals.PropertyAccess")]
public sealed record PropertyAccess(
    long Version,
    Guid AccountId,
    bool Deleted,
    PropertyDetails Details,
    ImmutableDictionary<Guid, AccessLevel> Members,
    ImmutableDictionary<Guid, CrewService> Services)
{
    /// <summary>The property's zone and default times, defaults applied.</summary>
    public PropertySchedule Schedule => new(
        Details.TimeZone ?? PropertyLimits.DefaultTimeZone,
        Details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
        Details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime);

    /// <summary>The caller's role; false when the property is deleted or the caller is no member.</summary>
    public bool TryGetRole(Guid callerId, out AccessLevel role)
    {
        role = default;
        return !Deleted && Members.TryGetValue(callerId, out role);
    }

    /// <summary>The owner's user id.</summary>
    public Guid OwnerId => Members.First(member => member.Value == AccessLevel.Owner).Key;
}
