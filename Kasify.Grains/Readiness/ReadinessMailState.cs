using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Mail;

namespace Kasify.Grains.Readiness;

[GenerateSerializer, Alias("Kasify.Grains.Readiness.ReadinessMailState")]
internal sealed class ReadinessMailState : IStoredMailState<ReadinessMail>
{
    [Id(0)]
    public ReadinessMail? Mail { get; set; }

    /// <summary>When the mail server took the mail; null while it has not.</summary>
    [Id(1)]
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set instead of <see cref="SentAt"/> when the mail cannot or need no longer be sent (see the grain's log).</summary>
    [Id(2)]
    public DateTimeOffset? GivenUpAt { get; set; }
}
