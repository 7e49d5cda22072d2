using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Rentals;

/// <summary>What the property grain answers about its property, per the caller's role.</summary>
internal static class PropertyViews
{
    /// <summary>The property as <paramref name="role"/> sees it: the iCal links and the default cleaner are the owner's only.</summary>
    public static PropertyDto Dto(Guid propertyId, PropertyState state, AccessLevel role)
    {
        var details = state.Details;
        var isOwner = role == AccessLevel.Owner;
        return new PropertyDto(
            propertyId,
            state.AccountId,
            details.Name,
            details.Address,
            details.City,
            details.ZipCode,
            details.CountryCode,
            details.ProvinceId,
            details.CityId,
            details.CheckinTime ?? PropertyLimits.DefaultCheckinTime,
            details.CheckoutTime ?? PropertyLimits.DefaultCheckoutTime,
            details.TimeZone ?? PropertyLimits.DefaultTimeZone,
            isOwner ? details.AirbnbIcalUrl : null,
            isOwner ? details.BookingIcalUrl : null,
            isOwner ? details.DefaultCleanerId : null,
            details.SesEstablishmentCode,
            details.SesEstablishmentType,
            details.HasInternet,
            details.RoomsCount,
            details.AutoAccessCodes == true,
            state.CoverImage?.Version,
            role,
            state.CreatedAt,
            state.UpdatedAt);
    }

    /// <summary>
    /// The details a replacement by <paramref name="role"/> leaves: non-owners never see the owner-only fields, so what
    /// they send back must not erase them.
    /// </summary>
    public static PropertyDetails Replacement(AccessLevel role, PropertyDetails current, PropertyDetails details) =>
        role == AccessLevel.Owner
            ? details
            : details with { AirbnbIcalUrl = current.AirbnbIcalUrl, BookingIcalUrl = current.BookingIcalUrl, DefaultCleanerId = current.DefaultCleanerId };

    /// <summary>The details with the patch's set fields applied.</summary>
    public static PropertyDetails Merge(PropertyDetails current, PropertyPatch patch) => current with
    {
        Name = patch.Name.IsSet ? patch.Name.Value! : current.Name,
        Address = patch.Address.IsSet ? patch.Address.Value! : current.Address,
        ZipCode = patch.ZipCode.IsSet ? patch.ZipCode.Value! : current.ZipCode,
        DefaultCleanerId = patch.DefaultCleanerId.ApplyTo(current.DefaultCleanerId),
        SesEstablishmentCode = patch.SesEstablishmentCode.ApplyTo(current.SesEstablishmentCode),
        SesEstablishmentType = patch.SesEstablishmentType.ApplyTo(current.SesEstablishmentType),
        HasInternet = patch.HasInternet.ApplyTo(current.HasInternet),
        RoomsCount = patch.RoomsCount.ApplyTo(current.RoomsCount),
        CheckinTime = patch.CheckinTime.ApplyTo(current.CheckinTime),
        CheckoutTime = patch.CheckoutTime.ApplyTo(current.CheckoutTime),
        AutoAccessCodes = patch.AutoAccessCodes.ApplyTo(current.AutoAccessCodes),
    };
}
