using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>Picks the response shape for how much of a task the caller may see.</summary>
internal static class TaskViews
{
    /// <summary>The owner's full task, the crew view or the stripped item; serialized by its runtime type.</summary>
    public static object Of(CrewTaskView view) => view.Scope switch
    {
        TaskViewScope.Owner => TaskResponse.Of(view),
        TaskViewScope.Stripped => TaskItemResponse.Of(view),
        _ => CrewTaskResponse.Of(view),
    };
}
