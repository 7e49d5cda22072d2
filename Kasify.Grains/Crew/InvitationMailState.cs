using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Crew;

[GenerateSerializer, Alias("Kasify.Grains.Crew.InvitationMailState")]
internal sealed class InvitationMailState
{
    [Id(0)]
    public InvitationMail? Mail { get; set; }

    /// <summary>When the mail server took the mail; null while it has not.</summary>
    [Id(1)]
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set instead of <see cref="SentAt"/> when the invitation expired before any server took it.</summary>
    [Id(2)]
    public DateTimeOffset? GivenUpAt { get; set; }
}
