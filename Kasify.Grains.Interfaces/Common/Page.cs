using System.Collections.Immutable;

namespace Kasify.Grains.Interfaces.Common;

/// <summary>One zero-based page of a list, with the totals a client needs to page on.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Common.Page`1")]
public sealed record Page<T>(ImmutableArray<T> Content, int PageNumber, int Size, long TotalElements)
{
    /// <summary>Number of pages of <see cref="Size"/> items.</summary>
    public int TotalPages => Size <= 0 ? 0 : (int)((TotalElements + Size - 1) / Size);

    /// <summary>Cuts one page out of an ordered list.</summary>
    public static Page<T> Of(IReadOnlyList<T> all, PageRequest request)
    {
        // In long arithmetic: a huge page number must give an empty page, not wrap around to an early one.
        var skip = (long)request.PageNumber * request.Size;
        var content = skip >= all.Count ? [] : all.Skip((int)skip).Take(request.Size).ToImmutableArray();
        return new Page<T>(content, request.PageNumber, request.Size, all.Count);
    }
}
