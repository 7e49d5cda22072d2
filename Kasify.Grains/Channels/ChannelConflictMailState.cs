using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Mail;

namespace Kasify.Grains.Channels;

[GenerateSerializer, Alias("Kasify.Grains.Channels.ChannelConflictMailState")]
internal sealed class ChannelConflictMailState : IStoredMailState<ChannelConflictMail>
{
    [Id(0)]
    public ChannelConflictMail? Mail { get; set; }

    /// <summary>When the mail server took the mail; null while it has not.</summary>
    [Id(1)]
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set instead of <see cref="SentAt"/> when the mail cannot or need no longer be sent (see the grain's log).</summary>
    [Id(2)]
    public DateTimeOffset? GivenUpAt { get; set; }
}
