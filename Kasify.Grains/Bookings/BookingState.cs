using Kasify.Grains.CheckIn;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.Bookings;

[GenerateSerializer, Alias("Kasify.Grains.Bookings.BookingState")]
internal sealed class BookingState
{
    [Id(0)]
    public Guid PropertyId { get; set; }

    [Id(1)]
    public BookingDetails Details { get; set; } = null!;

    [Id(2)]
    public string CheckinCode { get; set; } = "";

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? CheckinCompletedAt { get; set; }

    [Id(6)]
    public DateTimeOffset? LastSyncAt { get; set; }

    /// <summary>Guests registered through online check-in, in registration order; identity data encrypted.</summary>
    [Id(7)]
    public List<RegisteredGuest> Guests { get; set; } = [];

    /// <summary>The SES.HOSPEDAJES tracking the booking's SES grain pushed last; null until it first does.</summary>
    [Id(8)]
    public SesTracking? Ses { get; set; }

    /// <summary>The calendar's revision of <see cref="Details"/>: a delivered change at or below it is already here.</summary>
    [Id(9)]
    public long Revision { get; set; }

    /// <summary>Grows with every change of <see cref="Guests"/>: the property's guest index keeps the newest it was pushed.</summary>
    [Id(10)]
    public long GuestsRevision { get; set; }

    /// <summary>The outbox: the guest index has not taken <see cref="GuestsRevision"/> yet.</summary>
    [Id(11)]
    public bool GuestsUnindexed { get; set; }

    /// <summary>The outbox: check-in events (a guest registered, the check-in completed) not yet in the property's feed.</summary>
    [Id(12)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];

    /// <summary>The channel calendar (its id) the booking was imported from; null when a person entered it.</summary>
    [Id(13)]
    public string? Source { get; set; }
}
