namespace Kasify.Grains.Integrations.Ses;

/// <summary>One communication of a guest register: the contract and every guest who checked in.</summary>
/// <param name="Contract">The stay.</param>
/// <param name="Guests">Exactly <see cref="SesContract.People"/> guests, all with role <c>VI</c>.</param>
public sealed record SesStay(SesContract Contract, IReadOnlyList<SesPerson> Guests);
