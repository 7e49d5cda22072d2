namespace Kasify.Api.Rentals;

/// <summary>
/// The fields a merge patch may carry (documentation only: <see cref="PropertyPatchParser"/> reads the document, because
/// a merge patch must tell an absent field from an explicit null).
/// </summary>
internal sealed class PropertyPatchRequest
{
    public string? Name { get; init; }

    public string? Address { get; init; }

    public string? ZipCode { get; init; }

    public Guid? DefaultCleanerId { get; init; }

    public string? SesEstablishmentCode { get; init; }

    public string? SesEstablishmentType { get; init; }

    public bool? HasInternet { get; init; }

    public int? RoomsCount { get; init; }

    public TimeOnly? CheckinTime { get; init; }

    public TimeOnly? CheckoutTime { get; init; }

    public bool? AutoAccessCodes { get; init; }
}
