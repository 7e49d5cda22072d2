namespace Kasify.Api.SmartLocks;

/// <summary>The envelope of a property's smart locks: <c>{"smartlocks": [...]}</c>.</summary>
internal sealed record SmartLocksResponse(IReadOnlyList<SmartLockResponse> Smartlocks);
