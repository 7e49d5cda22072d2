namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// A console visitor as listed: names, status (<c>CANCELLED</c> opens nothing), window, whether a PIN is assigned (the
/// console never shows its digits) and the ids of the resources it opens (doors, or the door groups the console made of them).
/// </summary>
public sealed record UniFiVisitor(
    string VisitorId,
    string FirstName,
    string LastName,
    string Status,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    bool HasPin,
    IReadOnlyList<string> ResourceIds);
