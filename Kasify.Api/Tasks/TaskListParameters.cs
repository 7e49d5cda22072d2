using System.Collections.Immutable;
using System.ComponentModel;
using System.Text.Json;
using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.Api.Tasks;

/// <summary>
/// The query parameters of the task lists, snake_case as in the reference. They arrive as text so that every malformed
/// value is a field error under its parameter name.
/// </summary>
internal sealed class TaskListParameters
{
    [FromQuery(Name = "page"), Description("Zero-based page index (default 0).")]
    public string? Page { get; set; }

    [FromQuery(Name = "size"), Description("Page size (max 100, default 20).")]
    public string? Size { get; set; }

    [FromQuery(Name = "assigned_to"), Description("Only tasks assigned to this user (uuid).")]
    public string? AssignedTo { get; set; }

    [FromQuery(Name = "status"), Description("pending, in_progress, completed or cancelled.")]
    public string? Status { get; set; }

    [FromQuery(Name = "task_type"), Description("cleaning, maintenance, pool or gardening.")]
    public string? TaskType { get; set; }

    [FromQuery(Name = "scheduled_from"), Description("Only tasks scheduled on or after this date (YYYY-MM-DD, property time zone).")]
    public string? ScheduledFrom { get; set; }

    [FromQuery(Name = "scheduled_to"), Description("Only tasks scheduled on or before this date (YYYY-MM-DD, property time zone).")]
    public string? ScheduledTo { get; set; }

    [FromQuery(Name = "include_cancelled"), Description("Include cancelled tasks when true (default false).")]
    public string? IncludeCancelled { get; set; }

    /// <summary>The checked query and page; every malformed parameter is reported together.</summary>
    public (TaskQuery Query, PageRequest Page) Parse(Dictionary<string, string[]>? errors = null)
    {
        errors ??= [];
        var page = Paging.ToPageRequest(Page, Size, errors);

        var query = new TaskQuery(
            ParseGuid(errors, "assigned_to", AssignedTo),
            ParseEnum<CrewTaskStatus>(errors, "status", Status),
            ParseEnum<CrewService>(errors, "task_type", TaskType),
            Paging.ParseDate(errors, "scheduled_from", ScheduledFrom),
            Paging.ParseDate(errors, "scheduled_to", ScheduledTo),
            ParseBoolean(errors, "include_cancelled", IncludeCancelled));
        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "Invalid query parameters.", errors.ToImmutableDictionary());
        }

        return (query, page);
    }

    /// <summary>A uuid query parameter, or a field error.</summary>
    public static Guid? ParseGuid(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors[field] = ["A uuid."];
        return null;
    }

    private static TEnum? ParseEnum<TEnum>(Dictionary<string, string[]> errors, string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Wire(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        errors[field] = [$"One of {string.Join(", ", Enum.GetValues<TEnum>().Select(Wire))}."];
        return null;
    }

    private static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

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
