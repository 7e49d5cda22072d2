using System.Globalization;
using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Mail;
using MimeKit;

namespace Kasify.Grains.Channels;

/// <summary>
/// Writes the owner's email about a refused channel event in the owner's language (es, else en): the property, the
/// calendar, the nights, stay or closure, and the booking holding them. Never a guest's name or contact.
/// </summary>
internal static class ChannelConflictEmailText
{
    public static MimeMessage Compose(ChannelConflictMail mail, string to, string locale, InvitationEmailOptions options)
    {
        var link = $"{options.AcceptUrlBase.TrimEnd('/')}/properties/{mail.PropertyId}/calendars";
        return PlainTextMail.Create(options.From, to, mail.MailId, PlainTextMail.IsSpanish(locale) ? Spanish(mail, link) : English(mail, link));
    }

    private static (string Subject, string Body) English(ChannelConflictMail mail, string link)
    {
        var what = mail.Closure ? "closure" : "stay";
        var channel = ChannelName(mail.Channel, "other channel");
        return (
            $"Calendar conflict at {mail.PropertyName}: {channel} {what} {Day(mail.From)} to {Day(mail.To)} not imported",
            $"""
            Hello,

            Kasify could not import a {what} from the calendar "{mail.CalendarId}" ({channel}) of {mail.PropertyName}:

              Nights: {Day(mail.From)} to {Day(mail.To)} ({Nights(mail)} nights, departure on {Day(mail.To)})
              Held by: another booking in Kasify ({mail.HeldBy})

            Nothing was overwritten: the nights stay with the other booking. Check on the channel whether this is a double
            booking, and cancel or move one of the two. Kasify imports the {what} by itself as soon as those nights free.

            Your calendars: {link}
            """);
    }

    private static (string Subject, string Body) Spanish(ChannelConflictMail mail, string link)
    {
        var (what, article) = mail.Closure ? ("cierre", "el") : ("estancia", "la");
        var channel = ChannelName(mail.Channel, "otro canal");
        return (
            $"Conflicto de calendario en {mail.PropertyName}: {what} de {channel} del {Day(mail.From)} al {Day(mail.To)} sin importar",
            $"""
            Hola:

            Kasify no ha podido importar {(mail.Closure ? "un" : "una")} {what} del calendario "{mail.CalendarId}" ({channel}) de {mail.PropertyName}:

              Noches: del {Day(mail.From)} al {Day(mail.To)} ({Nights(mail)} noches, salida el {Day(mail.To)})
              Ocupadas por: otra reserva en Kasify ({mail.HeldBy})

            No se ha sobrescrito nada: las noches siguen con la otra reserva. Comprueba en el canal si es una doble
            reserva y cancela o mueve una de las dos. Kasify importará {article} {what} por sí solo en cuanto esas noches
            queden libres.

            Tus calendarios: {link}
            """);
    }

    private static string ChannelName(ChannelCalendarChannel channel, string other) => channel switch
    {
        ChannelCalendarChannel.Airbnb => "Airbnb",
        ChannelCalendarChannel.Booking => "Booking.com",
        ChannelCalendarChannel.Vrbo => "VRBO",
        _ => other,
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Nights(ChannelConflictMail mail) => mail.To.DayNumber - mail.From.DayNumber;
}
