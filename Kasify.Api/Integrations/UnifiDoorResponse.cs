namespace Kasify.Api.Integrations;

/// <summary>One UniFi Access door: its floor, its id (the <c>door_id</c> to assign), its name and its assignment (null when free).</summary>
internal sealed record UnifiDoorResponse(string? FloorId, string DoorId, string Name, AssignedPropertyResponse? AssignedProperty);
