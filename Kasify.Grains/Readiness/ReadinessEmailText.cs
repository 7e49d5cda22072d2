using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Mail;
using MimeKit;

namespace Kasify.Grains.Readiness;

/// <summary>
/// Writes the email about an arrival at risk in the recipient's language (es, else en): the property, the arrival, the
/// lock and what failed, the maintenance task and the backup code. Never a guest's name or contact, never a PIN.
/// </summary>
internal static class ReadinessEmailText
{
    public static MimeMessage Compose(ReadinessMail mail, string to, string locale, InvitationEmailOptions options)
    {
        var link = $"{options.AcceptUrlBase.TrimEnd('/')}/bookings/{mail.BookingId}/readiness";
        return PlainTextMail.Create(options.From, to, mail.MailId, PlainTextMail.IsSpanish(locale) ? Spanish(mail, link) : English(mail, link));
    }

    private static (string Subject, string Body) English(ReadinessMail mail, string link)
    {
        var problem = mail.Kind == ReadinessCheckKind.LockBattery ? $"the battery of {mail.SmartLockName} is critical" : $"{mail.SmartLockName} is offline";
        var backup = mail.BackupSmartLockName is { } other
            ? $"The guest's code has been asked for on {other} as a backup; see it in the booking's access codes."
            : "No other lock of the property is healthy, so there is no backup code: arrange another way in.";
        return (
            $"Arrival at {mail.PropertyName} on {mail.LocalArrival} at risk: {problem}",
            $"""
            Hello,

            Kasify checked {mail.PropertyName} before the guests' arrival on {mail.LocalArrival} and found that {problem}.

            A maintenance task has been created to fix it before the arrival.
            {backup}

            Kasify checks again before the arrival and tells you in the activity feed when it is fixed.

            Readiness: {link}
            """);
    }

    private static (string Subject, string Body) Spanish(ReadinessMail mail, string link)
    {
        var problem = mail.Kind == ReadinessCheckKind.LockBattery ? $"la batería de {mail.SmartLockName} está en nivel crítico" : $"{mail.SmartLockName} está desconectada";
        var backup = mail.BackupSmartLockName is { } other
            ? $"Se ha pedido el código del huésped en {other} como respaldo; lo verás en los códigos de acceso de la reserva."
            : "Ninguna otra cerradura del alojamiento está en buen estado, así que no hay código de respaldo: prepara otra forma de entrar.";
        return (
            $"Llegada a {mail.PropertyName} el {mail.LocalArrival} en riesgo: {problem}",
            $"""
            Hola:

            Kasify ha revisado {mail.PropertyName} antes de la llegada de los huéspedes el {mail.LocalArrival} y ha visto que {problem}.

            Se ha creado una tarea de mantenimiento para resolverlo antes de la llegada.
            {backup}

            Kasify vuelve a comprobarlo antes de la llegada y te avisará en la actividad cuando esté resuelto.

            Preparación de la llegada: {link}
            """);
    }
}
