namespace Kasify.Grains.Integrations.Nuki;

/// <summary>
/// A smart lock as the Nuki Web API reports it (its server's cached copy of the device).
/// <see cref="LockState"/> is Nuki's <c>state.state</c> (1 locked, 3 unlocked, …); <see cref="Offline"/> is
/// <c>serverState == 4</c>, and then the other values are the last known ones.
/// </summary>
public sealed record NukiSmartlock(
    long SmartlockId,
    string Name,
    int Type,
    int? LockState,
    int? DoorState,
    int? BatteryCharge,
    bool BatteryCritical,
    bool KeypadPaired,
    bool Offline,
    DateTimeOffset? UpdateDate);

/// <summary>
/// A keypad code (auth type 13) on a lock. <see cref="Id"/> is the 24-hex path id; <see cref="OperationId"/> is set
/// while a change is pending at the device (further writes get 423).
/// </summary>
public sealed record NukiKeypadCode(
    string Id,
    long SmartlockId,
    string Name,
    int Code,
    bool Enabled,
    DateTimeOffset? AllowedFrom,
    DateTimeOffset? AllowedUntil,
    string? OperationId);

/// <summary>
/// The full keypad-code object sent on create (PUT) and update (POST). Updates always send every field, because Nuki
/// clears the time restrictions a partial update omits. A null date means no bound.
/// </summary>
public sealed record NukiKeypadCodeRequest(
    string Name,
    int Code,
    DateTimeOffset? AllowedFrom,
    DateTimeOffset? AllowedUntil,
    bool Enabled = true);
