using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Outbox;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Crew;

internal sealed partial class InvitationMailGrain(
    [PersistentState("invitationMail", StorageNames.Kasify)] IPersistentState<InvitationMailState> state,
    IInvitationMailer mailer,
    DurableDeliveryOptions deliveryOptions,
    TimeProvider time,
    ILogger<InvitationMailGrain> logger) : Grain, IInvitationMailGrain, IRemindable
{
    private const string SendReminder = "send-mail"; // persisted by the reminder provider: never rename

    private DurableDelivery _delivery = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _delivery = new DurableDelivery(this, SendReminder, SendPendingAsync, deliveryOptions, logger);
        if (IsPending)
        {
            _delivery.Kick();
        }

        return Task.CompletedTask;
    }

    private bool IsPending => state.State.Mail is not null && state.State.SentAt is null && state.State.GivenUpAt is null;

    public async Task SendAsync(InvitationMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (state.State.Mail is not null)
        {
            return;
        }

        state.State.Mail = mail;
        await _delivery.EnsureReminderAsync();
        await state.SaveAsync(this);
        _delivery.Kick();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _delivery.Owns(reminderName) ? _delivery.OnReminderAsync() : Task.CompletedTask;

    private async Task<bool> SendPendingAsync()
    {
        if (!IsPending)
        {
            return true;
        }

        var mail = state.State.Mail!;
        if (mail.ExpiresAt <= time.GetUtcNow())
        {
            LogGivenUp(mail.InvitationId);
            state.State.GivenUpAt = time.GetUtcNow();
            await state.SaveAsync(this);
            return true;
        }

        await mailer.SendAsync(new InvitationEmail(mail.InvitationId, mail.To, mail.Locale, mail.PropertyName, mail.AccessLevel, mail.Token, mail.ExpiresAt));
        state.State.SentAt = time.GetUtcNow();
        await state.SaveAsync(this);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email of invitation {InvitationId} was never taken by a mail server before the invitation expired")]
    private partial void LogGivenUp(Guid invitationId);
}
