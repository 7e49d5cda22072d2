namespace Kasify.Grains.Interfaces.Channels;

/// <summary>
/// Sends one channel conflict's email to the property's owner. Key: <see cref="ChannelConflictMail.MailId"/>. It takes
/// the mail, stores it and answers at once; it looks up the owner's address and language and talks to the mail server
/// on its own timer, retried with backoff (and after a restart, from a reminder) until the server takes the mail.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Channels.IChannelConflictMailGrain")]
public interface IChannelConflictMailGrain : IGrainWithGuidKey
{
    /// <summary>Takes the mail to send; taking it again (the same key) changes nothing, so one conflict sends one email.</summary>
    [Alias("SendAsync")]
    Task SendAsync(ChannelConflictMail mail);
}
