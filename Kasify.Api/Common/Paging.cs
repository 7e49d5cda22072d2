using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Common;

/// <summary>Turns the <c>page</c> and <c>size</c> query parameters into a checked <see cref="PageRequest"/>.</summary>
internal static class Paging
{
    // The parameters arrive as text so that "abc" or an overflowing number is a field error, not a binding failure.
    public static PageRequest ToPageRequest(string? page, string? size)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string[]>();
        var pageNumber = Parse(page, 0);
        var pageSize = Parse(size, PageRequest.DefaultSize);
        if (pageNumber is null or < 0)
        {
            errors["page"] = ["A whole number, zero or more."];
        }

        if (pageSize is null or < 1 or > PageRequest.MaxSize)
        {
            errors["size"] = [$"A whole number between 1 and {PageRequest.MaxSize}."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "Invalid paging parameters.", errors.ToImmutable());
        }

        return new PageRequest(pageNumber!.Value, pageSize!.Value);
    }

    private static int? Parse(string? value, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
        : null;
}
