namespace Kasify.Grains.Integrations.Ses;

/// <summary>Values of <c>codigoEstado</c>: how far a lot got.</summary>
public enum SesLotState
{
    /// <summary>A state this client does not know.</summary>
    Unknown = 0,

    /// <summary>1: processed without errors; store every communication code.</summary>
    Processed = 1,

    /// <summary>2: header or format error; the whole lot was rejected.</summary>
    Rejected = 2,

    /// <summary>3: unexpected error; resend later.</summary>
    Failed = 3,

    /// <summary>4: being processed; poll later.</summary>
    Processing = 4,

    /// <summary>5: pending; poll later.</summary>
    Pending = 5,

    /// <summary>6: processed with errors in some communications; not a success.</summary>
    PartiallyProcessed = 6,
}
