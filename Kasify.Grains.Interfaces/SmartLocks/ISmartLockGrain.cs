using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.SmartLocks;

/// <summary>
/// One vendor device assigned to a property, and the single writer of its guest codes. Key: smart lock id. Only the
/// property grain calls it (after checking the caller's role); the grain handles one call at a time, so code operations
/// on one device never race, and booking revisions order code requests against booking changes. Reminders keep it going without callers: <c>refresh-status</c> reads the device's live status every
/// period; <c>expire-codes</c> fires at the earliest code end and revokes due codes; <c>retry-codes</c> retries vendor
/// writes that failed or await read-back. Every vendor intent is stored before the vendor is called, so a vendor or silo
/// failure leaves work to retry, never a lost code. It calls the integration and activity feed grains only.
/// </summary>
[Alias("Kasify.Grains.Interfaces.SmartLocks.ISmartLockGrain")]
public interface ISmartLockGrain : IGrainWithGuidKey
{
    /// <summary>Takes the device on for the property, starts the reminders and reads its status once.</summary>
    [Alias("AssignAsync")]
    Task<SmartLockDto> AssignAsync(SmartLockAssignment assignment);

    /// <summary>The lock with its status; a status older than two periods is refreshed first (briefly) or marked stale. Null when not assigned.</summary>
    [Alias("GetAsync")]
    Task<SmartLockDto?> GetAsync();

    /// <summary>
    /// Revokes every code at the vendor, then forgets the device and stops the reminders. 503 <c>integration.unreachable</c>
    /// (nothing forgotten) when the vendor cannot confirm the revocations.
    /// </summary>
    [Alias("UnassignAsync")]
    Task UnassignAsync();

    /// <summary>
    /// The booking's code on this lock: the existing one when there is one (a failed one is tried again), otherwise a new
    /// PIN put on the lock. A vendor failure leaves the code pending (retried); a rule the device breaks is a failure, and
    /// so is a booking this lock already knows as cancelled at a newer revision (<c>booking.cancelled</c>).
    /// </summary>
    [Alias("EnsureCodeAsync")]
    Task<AccessCodeResult> EnsureCodeAsync(AccessCodeRequest request);

    /// <summary>
    /// The booking's codes on this lock, revoked ones included. Interleaves: it only reads state, and must not wait
    /// behind a turn that talks to the vendor (a status tick, a code pass).
    /// </summary>
    [AlwaysInterleave, Alias("GetCodesAsync")]
    Task<ImmutableArray<AccessCodeDto>> GetCodesAsync(Guid bookingId);

    /// <summary>Moves the window of the booking's live codes (the booking's dates changed); the vendor is told right after, not during the call.</summary>
    [Alias("MoveCodesAsync")]
    Task MoveCodesAsync(AccessCodeRequest request);

    /// <summary>Revokes the booking's live codes (the booking was cancelled at <paramref name="revision"/>); the vendor is told right after the call.</summary>
    [Alias("RevokeCodesAsync")]
    Task RevokeCodesAsync(Guid bookingId, long revision);

    /// <summary>Revokes one code of the booking; false when this lock holds no such code.</summary>
    [Alias("RevokeCodeAsync")]
    Task<bool> RevokeCodeAsync(Guid bookingId, Guid codeId);

    /// <summary>
    /// Replaces one live code of the booking by a new PIN on this lock with the same window; the old code keeps working
    /// until the lock confirms the new one, then it is revoked. Asking again for a code already being rotated answers the
    /// same new code. Null when this lock holds no such code; 409 <c>accesscode.not_rotatable</c> for a code that is not
    /// pending or active, <c>smartlock.full</c> when the lock has no slot for the new code.
    /// </summary>
    [Alias("RotateCodeAsync")]
    Task<AccessCodeDto?> RotateCodeAsync(Guid bookingId, Guid codeId);

    /// <summary>
    /// Reads the device's code list now (once) and compares it with the lock's live codes, correcting what differs as
    /// the <c>refresh-status</c> reminder does; answers, for each live code of the booking, whether the device holds it.
    /// For checks before an arrival.
    /// </summary>
    [Alias("VerifyCodesAsync")]
    Task<LockCodeCheck> VerifyCodesAsync(Guid bookingId);
}
