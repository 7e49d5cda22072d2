using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Mail;
using Kasify.Grains.Outbox;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Readiness;

internal sealed partial class ReadinessMailGrain(
    [PersistentState("readinessMail", StorageNames.Kasify)] IPersistentState<ReadinessMailState> state,
    IGrainFactory grains,
    IMailSender mailer,
    InvitationEmailOptions emailOptions,
    DurableDeliveryOptions deliveryOptions,
    TimeProvider time,
    ILogger<ReadinessMailGrain> logger)
    : StoredMailGrain<ReadinessMail, ReadinessMailState>(state, deliveryOptions, time, logger), IReadinessMailGrain
{
    public Task SendAsync(ReadinessMail mail) => TakeAsync(mail);

    // The recipient's address and language are read at send time, so a changed address gets the mail.
    protected override async Task<bool> HandOverAsync(ReadinessMail mail, DateTimeOffset now)
    {
        var recipient = await grains.GetGrain<IUserGrain>(mail.RecipientId).GetAsync();
        if (recipient is not { Email: { Length: > 0 } address })
        {
            LogNoAddress(mail.MailId, mail.PropertyId, mail.RecipientId);
            return false;
        }

        if (now > mail.ArrivalAt)
        {
            // Retried until the guest arrived: the warning is of no use any more, so the mail stops holding a reminder.
            LogGivenUp(mail.MailId, mail.PropertyId);
            return false;
        }

        await mailer.SendAsync(ReadinessEmailText.Compose(mail, address, recipient.Locale, emailOptions));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness email {MailId} of property {PropertyId} not sent: user {UserId} has no email address")]
    private partial void LogNoAddress(Guid mailId, Guid propertyId, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness email {MailId} of property {PropertyId} was never taken by a mail server before the arrival")]
    private partial void LogGivenUp(Guid mailId, Guid propertyId);
}
