using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>The stripped item staff get for a task assigned to someone else: id, from, to and the property only.</summary>
internal sealed record TaskItemResponse(Guid Id, DateTimeOffset From, DateTimeOffset To, TaskPropertyResponse Property)
{
    public static TaskItemResponse Of(CrewTaskView view) =>
        new(view.Task.Id, view.Task.From, view.Task.To, new TaskPropertyResponse(view.Task.PropertyId, view.PropertyName));
}
