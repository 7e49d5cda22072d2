namespace Kasify.Grains.Rentals;

/// <summary>A smart lock of the property: which integration device its grain represents.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Rentals.PropertySmartLock")]
internal sealed record PropertySmartLock(
    [property: Id(0)] Guid IntegrationId,
    [property: Id(1)] string ExternalId);
