namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// A <c>comunicacion</c> the service received (<c>codigo 0</c>): queued, not yet accepted. Keep <paramref name="Lot"/>
/// and poll it; query requests (C) carry their answer in <paramref name="Lots"/> instead.
/// </summary>
/// <param name="Lot">The lot id (UUID) of a create or cancel request.</param>
/// <param name="Description">The Ministry's <c>descripcion</c>.</param>
/// <param name="Lots">The lots a query returned.</param>
public sealed record SesSubmission(string? Lot, string? Description, IReadOnlyList<SesLot> Lots);
