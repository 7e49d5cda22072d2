namespace Kasify.Grains.Interfaces.Common;

/// <summary>Zero-based page index and page size (1 to <see cref="MaxSize"/>).</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Common.PageRequest")]
public sealed record PageRequest(int PageNumber, int Size)
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxSize = 100;

    /// <summary>Page size used when the client gives none.</summary>
    public const int DefaultSize = 20;
}
