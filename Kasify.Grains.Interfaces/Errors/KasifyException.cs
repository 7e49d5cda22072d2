namespace Kasify.Grains.Interfaces.Errors;

/// <summary>
/// Base of every expected failure a grain reports. Orleans carries the typed exception to the API host,
/// which maps it to a problem-details response with the stable <see cref="Code"/>.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Errors.KasifyException")]
public abstract class KasifyException : Exception
{
    /// <summary>Creates an exception with a stable machine-readable code and a human message.</summary>
    protected KasifyException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Stable dotted code such as <c>property.not_found</c>; never changes once published.</summary>
    [Id(0)]
    public string Code { get; private set; }
}
