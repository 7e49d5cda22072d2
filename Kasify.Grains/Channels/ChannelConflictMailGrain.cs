using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Mail;
using Kasify.Grains.Outbox;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Channels;

internal sealed partial class ChannelConflictMailGrain(
    [PersistentState("channelConflictMail", StorageNames.Kasify)] IPersistentState<ChannelConflictMailState> state,
    IGrainFactory grains,
    IMailSender mailer,
    InvitationEmailOptions emailOptions,
    DurableDeliveryOptions deliveryOptions,
    TimeProvider time,
    ILogger<ChannelConflictMailGrain> logger)
    : StoredMailGrain<ChannelConflictMail, ChannelConflictMailState>(state, deliveryOptions, time, logger), IChannelConflictMailGrain
{
    public Task SendAsync(ChannelConflictMail mail) => TakeAsync(mail);

    // The owner's address and language are read at send time, so a changed address gets the mail.
    protected override async Task<bool> HandOverAsync(ChannelConflictMail mail, DateTimeOffset now)
    {
        var owner = await grains.GetGrain<IUserGrain>(mail.OwnerId).GetAsync();
        if (owner is not { Email: { Length: > 0 } address })
        {
            LogNoAddress(mail.MailId, mail.PropertyId, mail.OwnerId);
            return false;
        }

        if (DateOnly.FromDateTime(now.UtcDateTime) > mail.To)
        {
            // Retried until its nights were over: nothing is left to act on, so the mail stops holding a reminder.
            LogGivenUp(mail.MailId, mail.PropertyId);
            return false;
        }

        await mailer.SendAsync(ChannelConflictEmailText.Compose(mail, address, owner.Locale, emailOptions));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel conflict email {MailId} of property {PropertyId} not sent: owner {OwnerId} has no email address")]
    private partial void LogNoAddress(Guid mailId, Guid propertyId, Guid ownerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel conflict email {MailId} of property {PropertyId} was never taken by a mail server before its nights were over")]
    private partial void LogGivenUp(Guid mailId, Guid propertyId);
}
