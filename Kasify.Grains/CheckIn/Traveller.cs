namespace Kasify.Grains.CheckIn;

/// <summary>What <see cref="TravellerRules"/> needs to know of one person of a communication's party.</summary>
/// <param name="IsMinor">Under 18 on the arrival date.</param>
/// <param name="Relationship">Their <c>parentesco</c> code, if any.</param>
/// <param name="DocumentType">Their document's type, if any.</param>
/// <param name="DocumentNumber">Their document's number, if any.</param>
internal readonly record struct Traveller(bool IsMinor, string? Relationship, string? DocumentType = null, string? DocumentNumber = null)
{
    /// <summary>A registered guest, minor or not on <paramref name="arrival"/>.</summary>
    public static Traveller Of(ValidatedGuest guest, DateOnly arrival) =>
        new(GuestRules.IsMinor(guest.DateOfBirth, arrival), guest.RelationshipCode, guest.DocumentType, guest.DocumentNumber);
}
