namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// The UniFi Access developer API calls Kasify needs. Every call names the integration's connection; failures throw
/// <see cref="UniFiAccessException"/> with a typed <see cref="UniFiAccessError"/>.
/// </summary>
public interface IUniFiAccessClient
{
    /// <summary>Checks URL, token and pinned certificate with a read call; never throws for those three problems.</summary>
    Task<UniFiCredentialCheck> VerifyCredentialsAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Every door of the console, with its floor's name from the door-group topology.</summary>
    Task<IReadOnlyList<UniFiDoor>> ListDoorsAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default);

    /// <summary>A PIN the console generates; its length is the site's PIN length.</summary>
    Task<string> GeneratePinAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Creates a visitor for the door and window and assigns the PIN; on a PIN failure the visitor is removed again.</summary>
    Task<UniFiVisitorPin> CreateVisitorPinAsync(
        UniFiAccessConnection connection, UniFiVisitorPinRequest request, CancellationToken cancellationToken = default);

    /// <summary>Moves a visitor's window and, when <paramref name="newPin"/> is given, replaces its PIN.</summary>
    Task<UniFiVisitorPin> UpdateVisitorPinAsync(
        UniFiAccessConnection connection,
        string visitorId,
        DateTimeOffset validFrom,
        DateTimeOffset validTo,
        string? newPin = null,
        CancellationToken cancellationToken = default);

    /// <summary>Every visitor of the console (all pages), cancelled ones included.</summary>
    Task<IReadOnlyList<UniFiVisitor>> ListVisitorsAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Removes the visitor and its PIN for good; a visitor that is already gone counts as removed.</summary>
    Task DeleteVisitorPinAsync(UniFiAccessConnection connection, string visitorId, CancellationToken cancellationToken = default);
}
