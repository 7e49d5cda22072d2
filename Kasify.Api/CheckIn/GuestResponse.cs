using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Api.CheckIn;

/// <summary>
/// A guest in the host's guest list: who, on which booking, from where, with which kind of document. No full document
/// number, date of birth, address, phone or email.
/// </summary>
internal sealed record GuestResponse(
    Guid Id,
    Guid BookingId,
    Guid PropertyId,
    string FirstName,
    string LastName,
    string? SecondLastName,
    string NationalityCountryCode,
    string? DocumentType,
    string? DocumentNumberMasked,
    bool IsMinor,
    DateTimeOffset RegisteredAt)
{
    public static GuestResponse Of(GuestDto guest) => new(
        guest.Id,
        guest.BookingId,
        guest.PropertyId,
        guest.FirstName,
        guest.LastName,
        guest.SecondLastName,
        guest.NationalityCode,
        guest.DocumentType,
        guest.DocumentNumberMasked,
        guest.IsMinor,
        guest.RegisteredAt);
}
