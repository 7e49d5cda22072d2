using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Mail;
using Kasify.Grains.Outbox;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Crew;

internal sealed partial class InvitationMailGrain(
    [PersistentState("invitationMail", StorageNames.Kasify)] IPersistentState<InvitationMailState> state,
    IMailSender mailer,
    InvitationEmailOptions emailOptions,
    DurableDeliveryOptions deliveryOptions,
    TimeProvider time,
    ILogger<InvitationMailGrain> logger)
    : StoredMailGrain<InvitationMail, InvitationMailState>(state, deliveryOptions, time, logger), IInvitationMailGrain
{
    public Task SendAsync(InvitationMail mail) => TakeAsync(mail);

    protected override async Task<bool> HandOverAsync(InvitationMail mail, DateTimeOffset now)
    {
        if (mail.ExpiresAt <= now)
        {
            LogGivenUp(mail.InvitationId);
            return false;
        }

        var email = new InvitationEmail(mail.InvitationId, mail.To, mail.Locale, mail.PropertyName, mail.AccessLevel, mail.Token, mail.ExpiresAt);
        await mailer.SendAsync(InvitationEmailText.Compose(email, emailOptions));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email of invitation {InvitationId} was never taken by a mail server before the invitation expired")]
    private partial void LogGivenUp(Guid invitationId);
}
