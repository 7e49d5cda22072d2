namespace Kasify.Grains.Integrations.Ses;

/// <summary>A <c>contrato</c> block, shared by guest registers and booking communications.</summary>
/// <param name="Reference">The booking id (≤50).</param>
/// <param name="ContractDate">When the booking was made.</param>
/// <param name="CheckIn">Local arrival time at the property; midnight when the time is unknown.</param>
/// <param name="CheckOut">Local departure time; after <paramref name="CheckIn"/>.</param>
/// <param name="People">How many people stay; a register carries exactly that many guests.</param>
/// <param name="Rooms">Optional number of rooms.</param>
/// <param name="Internet">Optional: whether the property has internet access.</param>
/// <param name="Payment">How the stay is paid.</param>
public sealed record SesContract(
    string Reference,
    DateOnly ContractDate,
    DateTime CheckIn,
    DateTime CheckOut,
    int People,
    int? Rooms,
    bool? Internet,
    SesPayment Payment);
