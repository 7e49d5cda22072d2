using Kasify.Grains.Interfaces.Bookings;

namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>What a property gives the SES grains of its bookings: its account and its establishment data.</summary>
/// <param name="AccountId">The owner's account, which holds the SES.HOSPEDAJES integration.</param>
/// <param name="Schedule">The property's zone and default times.</param>
/// <param name="EstablishmentCode">The <c>codigoEstablecimiento</c> registered at the Ministry, if set.</param>
/// <param name="HasInternet">Whether the property has internet access, if known.</param>
/// <param name="RoomsCount">How many rooms, if known.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SesReporting.PropertySesFacts")]
public sealed record PropertySesFacts(Guid AccountId, PropertySchedule Schedule, string? EstablishmentCode, bool? HasInternet, int? RoomsCount);
