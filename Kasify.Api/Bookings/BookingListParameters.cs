using System.Collections.Immutable;
using System.ComponentModel;
using System.Text.Json;
using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.Api.Bookings;

/// <summary>
/// The query parameters of the booking lists, in the reference's spelling (<c>sortBy</c>, <c>sortDescending</c> are
/// camelCase). They arrive as text so that every malformed value is a field error under its parameter name.
/// </summary>
internal sealed class BookingListParameters
{
    [FromQuery(Name = "page"), Description("Zero-based page index (default 0).")]
    public string? Page { get; set; }

    [FromQuery(Name = "size"), Description("Page size (max 100, default 20).")]
    public string? Size { get; set; }

    [FromQuery(Name = "from"), Description("Only bookings starting on or after this date (YYYY-MM-DD).")]
    public string? From { get; set; }

    [FromQuery(Name = "to"), Description("Only bookings ending on or before this date (YYYY-MM-DD).")]
    public string? To { get; set; }

    [FromQuery(Name = "channel"), Description("Only bookings from this channel: airbnb, booking, vrbo, manual or other.")]
    public string? Channel { get; set; }

    [FromQuery(Name = "query"), Description("Words to find, each in the guest's name, email or phone, the notes or the channel's reservation id.")]
    public string? Query { get; set; }

    [FromQuery(Name = "sortBy"), Description("CHECKIN (by arrival, the default) or CHECKOUT (by departure).")]
    public string? SortBy { get; set; }

    [FromQuery(Name = "sortDescending"), Description("true to sort descending (default false).")]
    public string? SortDescending { get; set; }

    /// <summary>The checked query and page; every malformed parameter is reported together.</summary>
    public (BookingQuery Query, PageRequest Page) Parse(Dictionary<string, string[]>? errors = null)
    {
        errors ??= [];
        var page = Paging.ToPageRequest(Page, Size, errors);

        var query = new BookingQuery(
            Paging.ParseDate(errors, "from", From),
            Paging.ParseDate(errors, "to", To),
            ParseChannel(errors, Channel),
            ParseText(errors, Query),
            ParseSort(errors, SortBy),
            ParseBoolean(errors, "sortDescending", SortDescending));
        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "Invalid query parameters.", errors.ToImmutableDictionary());
        }

        return (query, page);
    }

    /// <summary>The wire name of a channel: airbnb, booking, vrbo, manual, other.</summary>
    public static string WireName(BookingChannel channel) => JsonNamingPolicy.SnakeCaseLower.ConvertName(channel.ToString());

    private static BookingChannel? ParseChannel(Dictionary<string, string[]> errors, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var channel in Enum.GetValues<BookingChannel>())
        {
            if (string.Equals(WireName(channel), value, StringComparison.OrdinalIgnoreCase))
            {
                return channel;
            }
        }

        errors["channel"] = [$"One of {string.Join(", ", Enum.GetValues<BookingChannel>().Select(WireName))}."];
        return null;
    }

    private static string? ParseText(Dictionary<string, string[]> errors, string? value)
    {
        if (value is { Length: > BookingLimits.QueryLength })
        {
            errors["query"] = [$"At most {BookingLimits.QueryLength} characters."];
            return null;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static BookingSort ParseSort(Dictionary<string, string[]> errors, string? value)
    {
        if (string.IsNullOrEmpty(value) || string.Equals(value, "CHECKIN", StringComparison.OrdinalIgnoreCase))
        {
            return BookingSort.Checkin;
        }

        if (string.Equals(value, "CHECKOUT", StringComparison.OrdinalIgnoreCase))
        {
            return BookingSort.Checkout;
        }

        errors["sortBy"] = ["CHECKIN or CHECKOUT."];
        return BookingSort.Checkin;
    }

    private static bool ParseBoolean(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (bool.TryParse(value, out var result))
        {
            return result;
        }

        errors[field] = ["true or false."];
        return false;
    }
}
