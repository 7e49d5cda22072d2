namespace Kasify.Api.Integrations;

/// <summary>
/// Where a vendor device is assigned: the property, its name (null when the caller cannot see the property) and the id
/// of the Kasify smart lock that represents the device there.
/// </summary>
internal sealed record AssignedPropertyResponse(Guid PropertyId, string? PropertyName, Guid SmartlockRecordId);
