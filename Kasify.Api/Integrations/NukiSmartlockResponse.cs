namespace Kasify.Api.Integrations;

/// <summary>
/// One Nuki lock: Nuki's <c>smartlock_id</c> (a number), its name, Nuki's lock state code, battery, whether it is
/// offline, and the property it is assigned to (null when free).
/// </summary>
internal sealed record NukiSmartlockResponse(
    long SmartlockId,
    string Name,
    int? LockState,
    int? BatteryCharge,
    bool? BatteryCritical,
    bool Offline,
    AssignedPropertyResponse? AssignedProperty);
