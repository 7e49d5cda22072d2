using Kasify.Grains.Crew;
using Kasify.Grains.Security;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kasify.Grains.Mail;

/// <summary>Sends emails with MailKit over SMTP, or writes them as <c>.eml</c> files when no host is configured.</summary>
internal sealed class MailKitMailSender(InvitationEmailOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            OwnerOnlyFiles.CreateFolder(options.PickupDirectory);
            var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            await message.WriteToAsync(Path.Combine(options.PickupDirectory, $"{stamp}-{FileNameOf(message)}.eml"), cancellationToken);
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

    // Kasify's message ids are "{id:N}@kasify", so the file says which invitation or conflict it is about.
    private static string FileNameOf(MimeMessage message)
    {
        var local = message.MessageId?.Split('@')[0];
        return string.IsNullOrEmpty(local) || local.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ? Guid.NewGuid().ToString("N") : local;
    }
}
