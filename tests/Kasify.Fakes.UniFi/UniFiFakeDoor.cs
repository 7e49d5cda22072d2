namespace Kasify.Fakes.UniFi;

/// <summary>A door of the fake console, on a floor; <see cref="IsBindHub"/> false means no hub is bound.</summary>
public sealed record UniFiFakeDoor(string Id, string Name, string FloorId, string FloorName, bool IsBindHub = true);
