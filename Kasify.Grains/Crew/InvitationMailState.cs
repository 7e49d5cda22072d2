using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Mail;

namespace Kasify.Grains.Crew;

[GenerateSerializer, Alias("Kasify.Grains.Crew.InvitationMailState")]
internal sealed class InvitationMailState : IStoredMailState<InvitationMail>
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
