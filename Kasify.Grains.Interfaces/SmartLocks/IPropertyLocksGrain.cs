using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Rentals;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// A property's smart locks and its bookings' access codes. Key: property id. Roles come from the property's pushed
/// <see cref="PropertyAccess"/>, bookings' windows from the <see cref="BookingChange"/>s the booking calendar delivers;
/// it never calls either back. Reentrant: vendor calls (assigning, removing, placing codes) wait on lock grains, and
/// meanwhile the property's pushes, booking changes and other requests are served; every state change happens between
/// awaits and the writes are serialized. Owners and managers only (<c>smartlock.forbidden</c>,
/// <c>accesscode.forbidden</c>); callers without a role get 404.
/// </summary>
[Alias("Kasify.Grains.Interfaces.SmartLocks.IPropertyLocksGrain")]
public interface IPropertyLocksGrain : IGrainWithGuidKey
{
    /// <summary>The property's smart locks with live status (owner or manager).</summary>
    [Alias("ListSmartLocksAsync")]
    Task<ImmutableArray<SmartLockDto>> ListSmartLocksAsync(Guid callerId);

    /// <summary>
    /// Assigns a device of one of the account's integrations to the property (owner or manager). A device is assigned to
    /// at most one property: 409 <c>smartlock.assigned</c> otherwise.
    /// </summary>
    [Alias("AddSmartLockAsync")]
    Task<SmartLockDto> AddSmartLockAsync(Guid callerId, AssignSmartLock request);

    /// <summary>Revokes the lock's codes at the vendor, then removes it from the property (owner or manager).</summary>
    [Alias("RemoveSmartLockAsync")]
    Task RemoveSmartLockAsync(Guid callerId, Guid smartLockId);

    /// <summary>
    /// Puts a code for the booking on every lock of the property (owner or manager), valid from its arrival to its
    /// departure instant. Idempotent: existing codes are returned, not replaced. Locks that refuse are listed as failed
    /// without failing the request. 409 <c>booking.cancelled</c> for a cancelled booking, <c>booking.ended</c> after departure.
    /// </summary>
    [Alias("CreateAccessCodesAsync")]
    Task<BookingAccessCodes> CreateAccessCodesAsync(Guid callerId, Guid bookingId);

    /// <summary>The booking's codes on the property's locks (owner or manager).</summary>
    [Alias("GetAccessCodesAsync")]
    Task<BookingAccessCodes> GetAccessCodesAsync(Guid callerId, Guid bookingId);

    /// <summary>Revokes one of the booking's codes at the vendor (owner or manager); 404 <c>accesscode.not_found</c> when it is not the booking's.</summary>
    [Alias("RevokeAccessCodeAsync")]
    Task RevokeAccessCodeAsync(Guid callerId, Guid bookingId, Guid codeId);

    /// <summary>
    /// Issues a new PIN for one of the booking's codes on the same lock and window (owner or manager); the old code is
    /// revoked once the lock confirms the new one. Asking again answers the same new code. 404 <c>accesscode.not_found</c>
    /// when it is not the booking's, 409 <c>accesscode.not_rotatable</c> when it is not pending or active.
    /// </summary>
    [Alias("RotateAccessCodeAsync")]
    Task<AccessCodeDto> RotateAccessCodeAsync(Guid callerId, Guid bookingId, Guid codeId);

    /// <summary>Takes a newer version of the property's access snapshot; older ones are ignored.</summary>
    [Alias("ApplyAccessAsync")]
    Task ApplyAccessAsync(PropertyAccess access);

    /// <summary>
    /// Takes booking changes (idempotent by revision) and makes the locks' codes follow them: a cancelled booking's codes
    /// are revoked, moved dates move every window. Returns once the changes are stored; the lock grains are told right
    /// after, not during the call.
    /// </summary>
    [Alias("ApplyBookingChangesAsync")]
    Task ApplyBookingChangesAsync(ImmutableArray<BookingChange> changes);

    /// <summary>Revokes every lock's codes and frees every device (the property is being deleted); 503 while a vendor cannot confirm.</summary>
    [Alias("DetachAllAsync")]
    Task DetachAllAsync();

    /// <summary>Makes sure the locks a property stored in its own row before locks had a grain of their own are taken over.</summary>
    [AlwaysInterleave, Alias("EnsureMigratedAsync")]
    Task EnsureMigratedAsync();
}
