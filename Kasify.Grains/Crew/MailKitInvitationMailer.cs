using Kasify.Grains.Security;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Kasify.Grains.Crew;

/// <summary>Sends invitation emails with MailKit over SMTP, or writes them as <c>.eml</c> files when no host is configured.</summary>
internal sealed class MailKitInvitationMailer(InvitationEmailOptions options) : IInvitationMailer
{
    public async Task SendAsync(InvitationEmail email, CancellationToken cancellationToken = default)
    {
        var message = InvitationEmailText.Compose(email, options);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            OwnerOnlyFiles.CreateFolder(options.PickupDirectory);
            var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            await message.WriteToAsync(Path.Combine(options.PickupDirectory, $"{stamp}-{email.InvitationId:N}.eml"), cancellationToken);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(
            options.Host, options.Port, options.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, timeout.Token);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", timeout.Token);
        }

        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }
}
