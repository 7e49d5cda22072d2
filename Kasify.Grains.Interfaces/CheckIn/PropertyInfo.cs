namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// What the public check-in form shows of the property: where it is and when guests arrive and leave. Nothing about
/// its owner, its crew, its integrations or its SES registration.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.PropertyInfo")]
public sealed record PropertyInfo(
    string Name,
    string Address,
    string City,
    string ZipCode,
    string? CountryCode,
    TimeOnly CheckinTime,
    TimeOnly CheckoutTime,
    string TimeZone);
