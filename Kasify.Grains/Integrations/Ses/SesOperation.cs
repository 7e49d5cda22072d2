namespace Kasify.Grains.Integrations.Ses;

/// <summary>Values of <c>tipoOperacion</c> in the <c>comunicacion</c> header.</summary>
public static class SesOperation
{
    /// <summary>Alta: create communications (asynchronous, returns a lot).</summary>
    public const string Create = "A";

    /// <summary>Baja: cancel communications by code (asynchronous, returns a lot).</summary>
    public const string Cancel = "B";

    /// <summary>Consulta: query lots (synchronous).</summary>
    public const string Query = "C";
}
