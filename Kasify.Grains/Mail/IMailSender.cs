using MimeKit;

namespace Kasify.Grains.Mail;

/// <summary>
/// Hands composed emails to the mail server (SMTP, or the pickup folder in the embedded default). Every email Kasify
/// sends goes through it, whatever it is about.
/// </summary>
internal interface IMailSender
{
    /// <summary>Sends the message; throws when it could not be handed over.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
