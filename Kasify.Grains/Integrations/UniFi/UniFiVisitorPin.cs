namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// A guest's PIN on one door, valid from <paramref name="ValidFrom"/> to <paramref name="ValidTo"/>, held by a
/// console visitor named <paramref name="FirstName"/> <paramref name="LastName"/> (e.g. the guest and the booking).
/// </summary>
public sealed record UniFiVisitorPinRequest(
    string DoorId,
    string FirstName,
    string LastName,
    string Pin,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo);

/// <summary>The console visitor that holds a PIN; its id is what later updates and deletes name.</summary>
public sealed record UniFiVisitorPin(string VisitorId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);
