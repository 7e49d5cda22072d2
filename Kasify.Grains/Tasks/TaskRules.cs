using System.Collections.Immutable;
using System.Security.Cryptography;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Tasks;

/// <summary>The task lifecycle and field rules; independent of Orleans.</summary>
internal static class TaskRules
{
    private const int PublicTokenBytes = 18;

    /// <summary>
    /// Tasks one property's index keeps; tasks archived after their window ended long ago do not count. The
    /// cleaning tasks of bookings are bounded by the bookings' own limit.
    /// </summary>
    public const int MaxTasksPerProperty = 10_000;

    /// <summary>409 <c>task.limit</c> when the property already keeps <see cref="MaxTasksPerProperty"/> tasks.</summary>
    public static void EnsureRoom(int tasks)
    {
        if (tasks >= MaxTasksPerProperty)
        {
            throw new ConflictException("task.limit", $"A property keeps at most {MaxTasksPerProperty} tasks besides those that ended more than 90 days ago.");
        }
    }

    /// <summary>
    /// 400 <c>validation.failed</c> when a new task names an unknown type, an assignee off the team or a booking the
    /// property does not have.
    /// </summary>
    public static void EnsureValidNew(NewCrewTask task, Func<Guid, bool> isMember, Func<Guid, bool> isBooking)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(task.TaskType))
        {
            errors["task_type"] = ["One of cleaning, maintenance, pool, gardening."];
        }

        if (task.AssignedTo is { } assignee && !isMember(assignee))
        {
            errors["assigned_to"] = ["Must be a member of the property's team."];
        }

        if (task.BookingId is { } bookingId && !isBooking(bookingId))
        {
            errors["booking_id"] = ["Must be a booking of this property."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The task has invalid fields.", errors.ToImmutableDictionary());
        }
    }

    /// <summary>400 <c>validation.failed</c> when a patch names an assignee off the team, an unknown status or clears a time.</summary>
    public static void EnsureValidPatch(CrewTaskPatch patch, Func<Guid, bool> isMember)
    {
        var errors = new Dictionary<string, string[]>();
        if (patch.AssignedTo.Value is { } assignee && !isMember(assignee))
        {
            errors["assigned_to"] = ["Must be a member of the property's team."];
        }

        if (patch.Status.IsSet && (patch.Status.Value is not { } status || !Enum.IsDefined(status)))
        {
            errors["status"] = ["One of pending, in_progress, completed, cancelled."];
        }

        if ((patch.From.IsSet && patch.From.Value is null) || (patch.To.IsSet && patch.To.Value is null))
        {
            errors[patch.From.IsSet && patch.From.Value is null ? "from" : "to"] = ["Required; cannot be cleared."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The task update has invalid fields.", errors.ToImmutableDictionary());
        }
    }

    /// <summary>A new public token: 144 random bits in URL-safe Base64 (24 characters, no padding).</summary>
    public static string NewPublicToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(PublicTokenBytes)).Replace('+', '-').Replace('/', '_');

    /// <summary>Trims a free text; blank becomes null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The task after moving to <paramref name="target"/>; 409 <c>task.state</c> when the lifecycle forbids it.</summary>
    public static CrewTaskDto MoveTo(CrewTaskDto task, CrewTaskStatus target, DateTimeOffset now)
    {
        if (task.Status == target)
        {
            return task;
        }

        return (task.Status, target) switch
        {
            (CrewTaskStatus.Pending, CrewTaskStatus.InProgress) => task with { Status = target, StartedAt = now },
            (CrewTaskStatus.InProgress, CrewTaskStatus.Completed) => task with { Status = target, CompletedAt = now },
            (CrewTaskStatus.Pending or CrewTaskStatus.InProgress, CrewTaskStatus.Cancelled) => task with { Status = target, CancelledAt = now },
            _ => throw IllegalTransition(task.Status, target),
        };
    }

    /// <summary>The 409 for a transition the lifecycle does not have.</summary>
    public static ConflictException IllegalTransition(CrewTaskStatus from, CrewTaskStatus to) =>
        new("task.state", $"A {Wire(from)} task cannot become {Wire(to)}.");

    /// <summary>Field errors for a task's window and texts, by wire name; throws when there are any.</summary>
    public static void EnsureValid(DateTimeOffset from, DateTimeOffset to, string? notes, string? jobReport)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AcceptedDates.Contains(from))
        {
            errors["from"] = [AcceptedDates.Message];
        }

        if (!AcceptedDates.Contains(to))
        {
            errors["to"] = [AcceptedDates.Message];
        }
        else if (to <= from)
        {
            errors["to"] = ["Must be after from."];
        }

        if (notes is { Length: > TaskLimits.TextLength })
        {
            errors["notes"] = [$"At most {TaskLimits.TextLength} characters."];
        }

        if (jobReport is { Length: > TaskLimits.TextLength })
        {
            errors["job_report"] = [$"At most {TaskLimits.TextLength} characters."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The task has invalid fields.", errors.ToImmutableDictionary());
        }
    }

    /// <summary>How long after departure a booking is still kept for cleaning windows.</summary>
    public static readonly TimeSpan BookingsKeptAfterDeparture = TimeSpan.FromDays(30);

    /// <summary>
    /// The stay that arrives first at or after <paramref name="cleaningFrom"/>: what a cleaning task prepares for. None for
    /// an instant outside the accepted dates (a task stored before they were bounded).
    /// </summary>
    public static NextBookingInfo? NextBooking(IEnumerable<BookingChange> bookings, DateTimeOffset cleaningFrom) =>
        !AcceptedDates.Contains(cleaningFrom)
            ? null
            : bookings
                .Where(booking => booking.Active && booking.ArrivalAt >= cleaningFrom)
                .OrderBy(booking => booking.ArrivalAt)
                .Select(booking => new NextBookingInfo(booking.From, booking.To, booking.GuestsNumber))
                .FirstOrDefault();

    /// <summary>A booking's cleaning: from its departure for three hours, or until the next guests arrive if that is sooner.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) CleaningWindow(BookingChange booking, IEnumerable<BookingChange> others)
    {
        var from = booking.DepartureAt;
        var to = from + TaskLimits.CleaningWindow;
        foreach (var other in others)
        {
            if (other.BookingId != booking.BookingId && other.Active && other.ArrivalAt > from && other.ArrivalAt < to)
            {
                to = other.ArrivalAt;
            }
        }

        return (from, to);
    }

    /// <summary>Bookings that departed over <see cref="BookingsKeptAfterDeparture"/> ago: no cleaning depends on them any more.</summary>
    public static IEnumerable<Guid> Forgettable(IEnumerable<BookingChange> bookings, DateTimeOffset now) =>
        bookings.Where(booking => booking.DepartureAt + BookingsKeptAfterDeparture < now).Select(booking => booking.BookingId);

    /// <summary>The wire name of a status: pending, in_progress, completed, cancelled.</summary>
    public static string Wire(CrewTaskStatus status) => status switch
    {
        CrewTaskStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
