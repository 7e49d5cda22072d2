using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// A task as one caller may see it. <see cref="Scope"/> says which fields are meaningful: a stripped view carries only
/// id, from, to and the property; only the owner's view carries booking id, created and cancelled instants.
/// </summary>
/// <param name="Scope">How much the caller sees.</param>
/// <param name="Task">The task, with the fields the caller may not see already cleared.</param>
/// <param name="PropertyName">The property's name.</param>
/// <param name="AssignedToName">The assignee's display name.</param>
/// <param name="Access">The caller's access level on the property; null on the public view.</param>
/// <param name="NextBooking">For cleaning tasks, the stay the cleaning prepares for.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.CrewTaskView")]
public sealed record CrewTaskView(
    TaskViewScope Scope,
    CrewTaskDto Task,
    string PropertyName,
    string? AssignedToName,
    AccessLevel? Access,
    NextBookingInfo? NextBooking);
