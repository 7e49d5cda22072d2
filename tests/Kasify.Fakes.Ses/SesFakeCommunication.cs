namespace Kasify.Fakes.Ses;

/// <summary>One communication of a lot as the fake received it, with the verdict it reports once the lot is processed.</summary>
public sealed class SesFakeCommunication
{
    /// <summary>1-based position in the lot (<c>orden</c>).</summary>
    public required int Orden { get; init; }

    /// <summary>The contract <c>referencia</c> (create lots) or the cancelled <c>codigoComunicacion</c> (cancel lots).</summary>
    public required string Referencia { get; init; }

    /// <summary>The code the Ministry assigns when the communication is stored; null when it failed.</summary>
    public string? CodigoComunicacion { get; init; }

    /// <summary>Why the communication failed, or null.</summary>
    public string? Error { get; init; }

    /// <summary>Whether a later cancellation (B or <c>anulacionLote</c>) voided it.</summary>
    public bool Anulada { get; set; }

    /// <summary>The communication's XML as received, for tests that check what the client sent.</summary>
    public required string Xml { get; init; }
}
