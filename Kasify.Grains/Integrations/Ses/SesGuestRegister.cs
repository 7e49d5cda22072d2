namespace Kasify.Grains.Integrations.Ses;

/// <summary>A guest register (<c>PV</c>, parte de viajeros): the stays that started at one establishment.</summary>
/// <param name="EstablishmentCode">Registered establishment code (≤10).</param>
/// <param name="Stays">1 to <see cref="SesLimits.MaxCommunications"/> stays.</param>
public sealed record SesGuestRegister(string EstablishmentCode, IReadOnlyList<SesStay> Stays);
