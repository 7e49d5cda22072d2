using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// One guest code on a lock, as the lock grain tracks it: what should be true at the vendor (<see cref="Wanted"/> with
/// the window) and what the vendor is known to hold (<see cref="VendorId"/>, the window last sent). The gap between
/// the two is the work the grain still has to do; it is stored before the vendor is called.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.SmartLocks.LockCode")]
internal sealed class LockCode
{
    [Id(0)]
    public Guid Id { get; set; }

    [Id(1)]
    public Guid BookingId { get; set; }

    /// <summary>The PIN, encrypted with the lock and code ids as associated data.</summary>
    [Id(2)]
    public byte[] ProtectedPin { get; set; } = [];

    [Id(3)]
    public DateTimeOffset ValidFrom { get; set; }

    [Id(4)]
    public DateTimeOffset ValidTo { get; set; }

    /// <summary>Whether the code should be on the lock; false once revoked, cancelled, expired or failed.</summary>
    [Id(5)]
    public bool Wanted { get; set; }

    [Id(6)]
    public AccessCodeStatus Status { get; set; }

    /// <summary>The vendor's id for the code (Nuki auth id, UniFi visitor id) once known.</summary>
    [Id(7)]
    public string? VendorId { get; set; }

    /// <summary>The unique name the code carries at the vendor (<c>KSF-</c> + 12 hex), by which a Nuki code is found again.</summary>
    [Id(8)]
    public string VendorName { get; set; } = "";

    /// <summary>The window the vendor was last told; differs from the wanted one while a move is pending.</summary>
    [Id(9)]
    public DateTimeOffset? SentFrom { get; set; }

    [Id(10)]
    public DateTimeOffset? SentTo { get; set; }

    /// <summary>When a create was (about to be) sent: set and stored before the call, so a crash cannot hide a code at the vendor.</summary>
    [Id(11)]
    public DateTimeOffset? CreateSentAt { get; set; }

    [Id(12)]
    public int Attempts { get; set; }

    [Id(13)]
    public DateTimeOffset? NextAttemptAt { get; set; }

    [Id(14)]
    public string? LastError { get; set; }

    [Id(15)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(16)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When an update or delete was last sent without being confirmed yet (Nuki applies them later, or never for an
    /// offline lock); cleared once read-back confirms it.
    /// </summary>
    [Id(17)]
    public DateTimeOffset? WriteSentAt { get; set; }

    /// <summary>
    /// Set when the device was seen holding this code otherwise than Kasify placed it (another window, PIN or disabled),
    /// so the next write puts Kasify's version back instead of taking the device's; cleared once the device matches.
    /// </summary>
    [Id(18)]
    public LockCodeDrift Drift { get; set; }

    /// <summary>The code that replaces this one (a rotation); this one is revoked once that one is active.</summary>
    [Id(19)]
    public Guid? RotatedTo { get; set; }

    /// <summary>Whether the vendor does not yet match what is wanted.</summary>
    public bool NeedsWork =>
        Wanted
            ? Status == AccessCodeStatus.Pending || SentFrom != ValidFrom || SentTo != ValidTo
            : Status == AccessCodeStatus.Revoking;

    /// <summary>Whether the code still counts for the booking (not revoked or failed).</summary>
    public bool IsLive => Wanted;
}
