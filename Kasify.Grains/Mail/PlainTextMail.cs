using MimeKit;

namespace Kasify.Grains.Mail;

/// <summary>What the stored notification mails share: the language choice (es, else en) and a plain-text message whose id is the mail's own, so a resent copy is recognisably the same mail.</summary>
internal static class PlainTextMail
{
    public static bool IsSpanish(string locale) =>
        string.Equals(locale, "es", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("es-", StringComparison.OrdinalIgnoreCase);

    public static MimeMessage Create(string from, string to, Guid mailId, (string Subject, string Body) text)
    {
        var message = new MimeMessage();
        message.From.Add(InternetAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = text.Subject;
        message.MessageId = $"{mailId:N}@kasify";
        message.Body = new TextPart("plain") { Text = text.Body };
        return message;
    }
}
