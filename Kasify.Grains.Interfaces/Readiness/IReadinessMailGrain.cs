namespace Kasify.Grains.Interfaces.Readiness;

/// <summary>
/// Sends one readiness email to one owner or manager. Key: <see cref="ReadinessMail.MailId"/>. It stores the mail and
/// answers at once; the recipient's address and language are read and the mail server called on its own timer, retried
/// with backoff (and after a restart, from a reminder).
/// </summary>
[Alias("Kasify.Grains.Interfaces.Readiness.IReadinessMailGrain")]
public interface IReadinessMailGrain : IGrainWithGuidKey
{
    /// <summary>Takes the mail to send; taking it again (the same key) changes nothing.</summary>
    [Alias("SendAsync")]
    Task SendAsync(ReadinessMail mail);
}
