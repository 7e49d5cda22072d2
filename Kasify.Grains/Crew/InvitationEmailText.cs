using System.Globalization;
using MimeKit;

namespace Kasify.Grains.Crew;

/// <summary>Writes the invitation email in its locale (en, es): the code, the accept link and the expiry.</summary>
internal static class InvitationEmailText
{
    public static MimeMessage Compose(InvitationEmail email, InvitationEmailOptions options)
    {
        var link = $"{options.AcceptUrlBase.TrimEnd('/')}/invitations/{Uri.EscapeDataString(email.Token)}/accept";
        var expires = email.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var (subject, body) = email.Locale == "es" ? Spanish(email, link, expires) : English(email, link, expires);
        var message = new MimeMessage();
        message.From.Add(InternetAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = subject;
        message.MessageId = $"{email.InvitationId:N}@kasify";
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private static (string Subject, string Body) English(InvitationEmail email, string link, string expires) => (
        $"You are invited to join {email.PropertyName} on Kasify",
        $"""
        Hello,

        You have been invited to join the team of {email.PropertyName} on Kasify as {Role(email.AccessLevel, "en")}.

        Your invitation code: {email.Token}

        Accept the invitation: {link}
        (sign in or sign up first, then accept with the code above)

        The invitation expires on {expires}.

        If you did not expect this invitation, you can ignore this email.
        """);

    private static (string Subject, string Body) Spanish(InvitationEmail email, string link, string expires) => (
        $"Te han invitado a unirte a {email.PropertyName} en Kasify",
        $"""
        Hola:

        Te han invitado a unirte al equipo de {email.PropertyName} en Kasify como {Role(email.AccessLevel, "es")}.

        Tu código de invitación: {email.Token}

        Acepta la invitación: {link}
        (inicia sesión o regístrate primero y acepta con el código de arriba)

        La invitación caduca el {expires}.

        Si no esperabas esta invitación, puedes ignorar este correo.
        """);

    private static string Role(string accessLevel, string locale) => (accessLevel, locale) switch
    {
        ("manager", "es") => "gestor",
        ("staff", "es") => "personal",
        ("contractor", "es") => "colaborador externo",
        _ => accessLevel,
    };
}
