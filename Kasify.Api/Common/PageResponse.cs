using Kasify.Grains.Interfaces.Common;

namespace Kasify.Api.Common;

/// <summary>The paging envelope: <c>content</c>, <c>page</c>, <c>size</c>, <c>total_elements</c>, <c>total_pages</c>.</summary>
internal sealed record PageResponse<T>(IReadOnlyList<T> Content, int Page, int Size, long TotalElements, int TotalPages)
{
    public static PageResponse<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) =>
        new([.. page.Content.Select(map)], page.PageNumber, page.Size, page.TotalElements, page.TotalPages);
}
