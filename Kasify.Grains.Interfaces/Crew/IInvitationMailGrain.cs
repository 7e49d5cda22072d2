namespace Kasify.Grains.Interfaces.Crew;

/// <summary>
/// Sends one invitation's email. Key: invitation id. It takes the mail, stores it and answers at once; the SMTP
/// exchange happens on its own timer, retried with backoff (and after a restart, from a reminder) until the mail is
/// handed over or the invitation expires. So a slow or dead mail server holds up no property and no request.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Crew.IInvitationMailGrain")]
public interface IInvitationMailGrain : IGrainWithGuidKey
{
    /// <summary>Takes the mail to send; taking the same mail again changes nothing.</summary>
    [Alias("SendAsync")]
    Task SendAsync(InvitationMail mail);
}
