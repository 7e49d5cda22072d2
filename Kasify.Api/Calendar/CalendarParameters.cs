using System.Collections.Immutable;
using System.ComponentModel;
using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Calendar;
using Kasify.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.Api.Calendar;

/// <summary>The calendar window, as text so that every malformed date is a field error under its parameter name.</summary>
internal sealed class CalendarParameters
{
    [FromQuery(Name = "from"), Description("Window start, inclusive (YYYY-MM-DD); defaults to today in the property's time zone.")]
    public string? From { get; set; }

    [FromQuery(Name = "to"), Description("Window end, inclusive (YYYY-MM-DD); defaults to one month after from. At most 366 days from from.")]
    public string? To { get; set; }

    /// <summary>
    /// The window with its ends as given; the property fills the defaults in its time zone. When both ends are given,
    /// to before from or a window over <see cref="CalendarWindow.MaxDays"/> days is a field error on <c>to</c> here.
    /// </summary>
    public CalendarWindow Parse()
    {
        var errors = new Dictionary<string, string[]>();
        var from = Paging.ParseDate(errors, "from", From);
        var to = Paging.ParseDate(errors, "to", To);
        if (from is { } start && to is { } end)
        {
            if (end < start)
            {
                errors["to"] = ["Must be on or after from."];
            }
            else if (end.DayNumber - start.DayNumber + 1 > CalendarWindow.MaxDays)
            {
                errors["to"] = [$"The window may cover at most {CalendarWindow.MaxDays} days."];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "Invalid query parameters.", errors.ToImmutableDictionary());
        }

        return new CalendarWindow(from, to);
    }
}
