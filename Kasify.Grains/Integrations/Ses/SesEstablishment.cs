namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// The <c>establecimiento</c> choice of a booking communication: the registered <paramref name="Code"/>, or, for a
/// property without one, its <paramref name="Type"/>, <paramref name="Name"/> and <paramref name="Address"/>.
/// </summary>
/// <param name="Code">Registered establishment code (≤10).</param>
/// <param name="Type">A <c>TIPO_ESTABLECIMIENTO</c> code (≤10), such as <c>VUT</c>.</param>
/// <param name="Name">Property name (≤50).</param>
/// <param name="Address">Property address.</param>
public sealed record SesEstablishment(string? Code, string? Type = null, string? Name = null, SesAddress? Address = null)
{
    /// <summary>A registered establishment.</summary>
    public static SesEstablishment Registered(string code) => new(code);
}
