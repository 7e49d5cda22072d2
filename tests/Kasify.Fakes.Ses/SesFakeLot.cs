namespace Kasify.Fakes.Ses;

/// <summary>A lot the fake accepted: one <c>comunicacion</c> request of type A (create) or B (cancel).</summary>
public sealed class SesFakeLot
{
    /// <summary>The lot id (UUID) returned in <c>respuesta/lote</c>.</summary>
    public required string Lote { get; init; }

    /// <summary>The sender's <c>codigoArrendador</c>.</summary>
    public required string CodigoArrendador { get; init; }

    /// <summary>The sender's <c>aplicacion</c>.</summary>
    public required string Aplicacion { get; init; }

    /// <summary><c>A</c> (create) or <c>B</c> (cancel).</summary>
    public required string TipoOperacion { get; init; }

    /// <summary><c>PV</c> or <c>RH</c> for create lots; null for cancel lots.</summary>
    public string? TipoComunicacion { get; init; }

    /// <summary>When the request arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Times <c>consultaLote</c> (or C) reported on this lot.</summary>
    public int Queries { get; set; }

    /// <summary>The communications in send order.</summary>
    public required IReadOnlyList<SesFakeCommunication> Communications { get; init; }

    /// <summary>The final <c>codigoEstado</c>: 1 all stored, 6 some failed, 2 every communication failed.</summary>
    public int FinalStatus => Communications.All(c => c.Error is null) ? 1
        : Communications.Any(c => c.Error is null) ? 6
        : 2;
}
