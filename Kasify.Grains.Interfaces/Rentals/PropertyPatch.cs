using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>
/// A JSON merge patch of a property: only fields that are set change. Geo fields and iCal URLs are not patchable
/// (PUT replaces them).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Rentals.PropertyPatch")]
public sealed record PropertyPatch(
    Patch<string> Name,
    Patch<string> Address,
    Patch<string> ZipCode,
    Patch<Guid?> DefaultCleanerId,
    Patch<string> SesEstablishmentCode,
    Patch<string> SesEstablishmentType,
    Patch<bool?> HasInternet,
    Patch<int?> RoomsCount,
    Patch<TimeOnly?> CheckinTime,
    Patch<TimeOnly?> CheckoutTime,
    Patch<bool?> AutoAccessCodes = default);
