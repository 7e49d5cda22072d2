using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Tasks;

namespace Kasify.Grains.Rentals;

[GenerateSerializer, Alias("Kasify.Grains.Rentals.PropertyState")]
internal sealed class PropertyState
{
    [Id(0)]
    public Guid AccountId { get; set; }

    [Id(1)]
    public PropertyDetails Details { get; set; } = null!;

    [Id(2)]
    public Dictionary<Guid, AccessLevel> Members { get; set; } = [];

    [Id(3)]
    public CoverImageInfo? CoverImage { get; set; }

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set before the clean-up of a delete starts, so a crash half-way leaves a property nobody can see.</summary>
    [Id(6)]
    public bool Deleted { get; set; }

    /// <summary>
    /// The property's calendar: every booking's host-set details by booking id, cancelled ones included. The property
    /// decides overlaps from it and serves lists from it; each booking grain holds the full booking.
    /// </summary>
    [Id(7)]
    public Dictionary<Guid, BookingDetails> Bookings { get; set; } = [];

    /// <summary>
    /// Before the property locks grain existed, the property's smart locks by smart lock id. Only read: the property
    /// locks grain takes them over from a stored row (<see cref="PropertyRow"/>), then the property forgets them.
    /// </summary>
    [Id(8)]
    public Dictionary<Guid, PropertySmartLock> SmartLocks { get; set; } = [];

    /// <summary>How often each booking has changed; lock grains order code requests and booking changes by it.</summary>
    [Id(9)]
    public Dictionary<Guid, long> BookingRevisions { get; set; } = [];

    /// <summary>The property's invitations by id, revoked ones included so that their tokens answer 410, not 404.</summary>
    [Id(10)]
    public Dictionary<Guid, PropertyInvitation> Invitations { get; set; } = [];

    /// <summary>The service of each staff member or contractor that has one, by user id.</summary>
    [Id(11)]
    public Dictionary<Guid, CrewService> MemberServices { get; set; } = [];

    /// <summary>The property's tasks by task id: the index lists and permissions are decided from; each task grain holds the task.</summary>
    [Id(12)]
    public Dictionary<Guid, PropertyTask> Tasks { get; set; } = [];

    /// <summary>Each booking's automatic cleaning task, by booking id.</summary>
    [Id(13)]
    public Dictionary<Guid, Guid> BookingTasks { get; set; } = [];

    /// <summary>The version of the access snapshot this state describes (<see cref="PropertyRow.AccessOf"/>).</summary>
    [Id(14)]
    public long AccessVersion { get; set; }

    /// <summary>The newest access version every concern grain has taken; below <see cref="AccessVersion"/> a push is owed.</summary>
    [Id(15)]
    public long AccessDelivered { get; set; }

    /// <summary>The outbox: each booking's latest change that the grains following bookings have not all taken yet.</summary>
    [Id(16)]
    public Dictionary<Guid, BookingChange> PendingBookingChanges { get; set; } = [];

    /// <summary>The outbox: invitation emails not yet handed to their mail grains, by invitation id.</summary>
    [Id(17)]
    public Dictionary<Guid, InvitationMail> PendingMails { get; set; } = [];
}
