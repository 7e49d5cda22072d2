using System.Collections.Immutable;
using System.Globalization;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Common;

/// <summary>Turns the <c>page</c> and <c>size</c> query parameters into a checked <see cref="PageRequest"/>.</summary>
internal static class Paging
{
    private static readonly string DateMessage = string.Create(
        CultureInfo.InvariantCulture, $"A date as YYYY-MM-DD between {AcceptedDates.Earliest:yyyy-MM-dd} and {AcceptedDates.Latest:yyyy-MM-dd}.");

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

    /// <summary>
    /// As <see cref="ToPageRequest(string?, string?)"/>, but adds malformed parameters to <paramref name="errors"/> (for
    /// list endpoints that report every bad query parameter together) and answers the first page meanwhile.
    /// </summary>
    public static PageRequest ToPageRequest(string? page, string? size, Dictionary<string, string[]> errors)
    {
        try
        {
            return ToPageRequest(page, size);
        }
        catch (RequestValidationException paging)
        {
            foreach (var (field, messages) in paging.Errors)
            {
                errors[field] = messages;
            }

            return new PageRequest(0, PageRequest.DefaultSize);
        }
    }

    /// <summary>
    /// A <c>YYYY-MM-DD</c> query parameter within <see cref="AcceptedDates"/>, or null when absent; a malformed or
    /// out-of-range one is added to <paramref name="errors"/>.
    /// </summary>
    public static DateOnly? ParseDate(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && AcceptedDates.Contains(date))
        {
            return date;
        }

        errors[field] = [DateMessage];
        return null;
    }

    private static int? Parse(string? value, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : null;
}
