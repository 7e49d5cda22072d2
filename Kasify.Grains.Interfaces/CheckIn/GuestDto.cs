namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// A registered guest in the host's guest list (owners and managers only). Personal data is kept to what a host needs
/// to recognise the guest: no full document number, date of birth, address, phone or email.
/// </summary>
/// <param name="Id">The guest's id.</param>
/// <param name="BookingId">The booking the guest registered on.</param>
/// <param name="PropertyId">The booking's property.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">First surname.</param>
/// <param name="SecondLastName">Second surname, if given.</param>
/// <param name="NationalityCode">ISO 3166-1 alpha-3.</param>
/// <param name="DocumentType">NIF, NIE, PAS or OTRO; null for a minor without a document.</param>
/// <param name="DocumentNumberMasked">The document number masked as in the check-in snapshot.</param>
/// <param name="IsMinor">Under 18 on the arrival date.</param>
/// <param name="RegisteredAt">When the guest registered.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.GuestDto")]
public sealed record GuestDto(
    Guid Id,
    Guid BookingId,
    Guid PropertyId,
    string FirstName,
    string LastName,
    string? SecondLastName,
    string NationalityCode,
    string? DocumentType,
    string? DocumentNumberMasked,
    bool IsMinor,
    DateTimeOffset RegisteredAt);
