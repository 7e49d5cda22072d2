using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Api.CheckIn;

/// <summary>
/// <c>CheckinSnapshot</c>: the reference's fields (the property and guest keys are inferred as <c>property</c> and
/// <c>guests</c>), then Kasify's <c>missing_data</c>: what registered guests still have to give before the check-in
/// completes. Guests carry their name and a masked document number only.
/// </summary>
internal sealed record CheckinSnapshotResponse(
    PropertyInfoResponse Property,
    DateOnly From,
    DateOnly To,
    int GuestsNumber,
    string BookingCode,
    IReadOnlyList<CheckinGuestResponse> Guests,
    bool CheckinCompleted,
    bool CheckinClosed,
    bool HasMinors,
    IReadOnlyList<CheckinRequirementResponse> MissingData)
{
    public static CheckinSnapshotResponse Of(CheckinSnapshot snapshot) => new(
        PropertyInfoResponse.Of(snapshot.Property),
        snapshot.From,
        snapshot.To,
        snapshot.GuestsNumber,
        snapshot.BookingCode,
        [.. snapshot.Guests.Select(CheckinGuestResponse.Of)],
        snapshot.CheckinCompleted,
        snapshot.CheckinClosed,
        snapshot.HasMinors,
        [.. snapshot.MissingData.Select(CheckinRequirementResponse.Of)]);
}

/// <summary><c>PropertyInfo</c>: what the guest form shows of the property; nothing about its owner or crew.</summary>
internal sealed record PropertyInfoResponse(
    string Name,
    string Address,
    string City,
    string ZipCode,
    string? CountryCode,
    TimeOnly CheckinTime,
    TimeOnly CheckoutTime,
    string TimeZone)
{
    public static PropertyInfoResponse Of(PropertyInfo property) => new(
        property.Name,
        property.Address,
        property.City,
        property.ZipCode,
        property.CountryCode,
        property.CheckinTime,
        property.CheckoutTime,
        property.TimeZone);
}

/// <summary>
/// <c>CheckinGuest</c>: a registered guest's name and masked document number (<c>*****78Z</c>) only. Anyone holding the
/// link sees this, so nothing else about the guest (not even which guest is a minor: the snapshot's <c>has_minors</c>
/// says enough for the form, and <c>missing_data</c> names only the adults it asks for their relationship).
/// </summary>
internal sealed record CheckinGuestResponse(Guid Id, string FirstName, string LastName, string? DocumentNumberMasked)
{
    public static CheckinGuestResponse Of(CheckinGuest guest) => new(guest.Id, guest.FirstName, guest.LastName, guest.DocumentNumberMasked);
}
