namespace Kasify.Grains.Integrations.Ses;

/// <summary>One communication of a booking report: the property, the contract and the people known so far.</summary>
/// <param name="Establishment">Where the stay will be.</param>
/// <param name="Contract">The booking.</param>
/// <param name="People">One contract holder (<c>TI</c>) and any known travellers (<c>VI</c>).</param>
public sealed record SesBooking(SesEstablishment Establishment, SesContract Contract, IReadOnlyList<SesPerson> People);
