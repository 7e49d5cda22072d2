namespace Kasify.Grains.Integrations.Ses;

/// <summary>The status of one lot (a <c>resultado</c> block).</summary>
/// <param name="Lot">The lot id (UUID).</param>
/// <param name="CommunicationType">A <see cref="SesCommunicationType"/> code.</param>
/// <param name="Operation">A <see cref="SesOperation"/> code.</param>
/// <param name="RequestedAt">When it was sent.</param>
/// <param name="ProcessedAt">When it was processed, if it was.</param>
/// <param name="State">How far it got.</param>
/// <param name="StateCode">The raw <c>codigoEstado</c>.</param>
/// <param name="StateText">The Ministry's <c>descEstado</c>.</param>
/// <param name="Communications">Per-communication outcomes, in send order; only for processed create lots.</param>
public sealed record SesLot(
    string Lot,
    string? CommunicationType,
    string? Operation,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? ProcessedAt,
    SesLotState State,
    int StateCode,
    string? StateText,
    IReadOnlyList<SesCommunicationResult> Communications);
