using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Grains.Channels;

[GenerateSerializer, Alias("Kasify.Grains.Channels.ChannelCalendarState")]
internal sealed class ChannelCalendarState
{
    /// <summary>What to sync; null once removed.</summary>
    [Id(0)]
    public ChannelCalendarSettings? Settings { get; set; }

    /// <summary>The events imported from the last usable calendar, by UID, with the booking that stands for each.</summary>
    [Id(1)]
    public Dictionary<string, KnownChannelEvent> Known { get; set; } = [];

    /// <summary>The validators of the last usable answer, for a conditional GET.</summary>
    [Id(2)]
    public ChannelFetchValidators? Validators { get; set; }

    [Id(3)]
    public DateTimeOffset? LastFetchAt { get; set; }

    [Id(4)]
    public DateTimeOffset? LastSuccessAt { get; set; }

    [Id(5)]
    public string? LastErrorCode { get; set; }

    [Id(6)]
    public string? LastError { get; set; }

    /// <summary>Events the property could not take, by UID.</summary>
    [Id(7)]
    public Dictionary<string, ChannelConflict> Conflicts { get; set; } = [];

    /// <summary>
    /// A sync's changes stored before the booking calendar is asked to apply them: a silo lost in between applies them on
    /// the next activation (applying twice changes nothing).
    /// </summary>
    [Id(8)]
    public ChannelImport? PendingImport { get; set; }

    /// <summary>What <see cref="Known"/> holds for each event of <see cref="PendingImport"/> once the calendar took it.</summary>
    [Id(9)]
    public Dictionary<string, KnownChannelEvent> PendingKnown { get; set; } = [];

    /// <summary>The outbox: feed entries (conflicts, failed syncs) not yet in the property's activity feed.</summary>
    [Id(10)]
    public List<ActivityEntry> PendingFeed { get; set; } = [];

    /// <summary>
    /// The outbox of the owner's conflict emails, stored in the write that records their conflicts and removed once
    /// each mail's grain took it.
    /// </summary>
    [Id(11)]
    public List<ChannelConflictMail> PendingMails { get; set; } = [];
}
