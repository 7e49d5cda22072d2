using Kasify.Grains.Outbox;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Mail;

/// <summary>
/// A grain that sends one email: it takes the mail once (a repeat changes nothing), stores it, answers, and hands it to
/// the mail server through its own <see cref="DurableDelivery"/>, retried with backoff and after a restart, until the
/// server took it or the subclass gives it up. So whoever asked never waits for, or fails with, the mail server.
/// </summary>
internal abstract class StoredMailGrain<TMail, TState>(
    IPersistentState<TState> state, DurableDeliveryOptions deliveryOptions, TimeProvider time, ILogger logger) : Grain, IRemindable
    where TMail : class
    where TState : class, IStoredMailState<TMail>
{
    private const string SendReminder = "send-mail"; // persisted by the reminder provider: never rename

    private DurableDelivery _delivery = null!;

    private bool IsPending => state.State.Mail is not null && state.State.SentAt is null && state.State.GivenUpAt is null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _delivery = new DurableDelivery(this, SendReminder, SendPendingAsync, deliveryOptions, logger);
        if (IsPending)
        {
            _delivery.Kick();
        }

        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _delivery.Owns(reminderName) ? _delivery.OnReminderAsync() : Task.CompletedTask;

    /// <summary>Stores the mail and answers; the first mail given is the one sent.</summary>
    protected async Task TakeAsync(TMail mail)
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

    /// <summary>Hands the mail to the mail server (true), or gives it up and logs why (false); throws to be retried.</summary>
    protected abstract Task<bool> HandOverAsync(TMail mail, DateTimeOffset now);

    private async Task<bool> SendPendingAsync()
    {
        if (!IsPending)
        {
            return true;
        }

        if (await HandOverAsync(state.State.Mail!, time.GetUtcNow()))
        {
            state.State.SentAt = time.GetUtcNow();
        }
        else
        {
            state.State.GivenUpAt = time.GetUtcNow();
        }

        await state.SaveAsync(this);
        return true;
    }
}
