namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// A registered guest as the public check-in snapshot shows it: the name and a masked document number only, never the
/// full number, the date of birth, the address, the phone or the email.
/// </summary>
/// <param name="Id">The guest's id.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">First surname.</param>
/// <param name="DocumentNumberMasked">The document number's last characters behind asterisks (<c>*****78Z</c>); null without a document.</param>
/// <param name="IsMinor">Under 18 on the arrival date.</param>
/// <param name="RegisteredAt">When the guest registered.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.CheckinGuest")]
public sealed record CheckinGuest(
    Guid Id,
    string FirstName,
    string LastName,
    string? DocumentNumberMasked,
    bool IsMinor,
    DateTimeOffset RegisteredAt);
