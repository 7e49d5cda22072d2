namespace Kasify.Grains.Integrations.Nuki;

/// <summary>
/// The Nuki Web API calls locks need (shared/reference/nuki-web-api.md). Every call takes the account's API token.
/// Writes are asynchronous at Nuki: they return once the vendor validated them (204), and the change reaches the device
/// a few seconds later, or never when the lock is offline, so callers verify by reading back.
/// Failures throw <see cref="NukiException"/>; 429, 5xx and timeouts are retried with backoff first.
/// </summary>
public interface INukiClient
{
    /// <summary>Whether <paramref name="apiToken"/> is accepted (false for 401).</summary>
    /// <exception cref="NukiException">The vendor is unavailable, or answered something else.</exception>
    Task<bool> VerifyCredentialsAsync(string apiToken, CancellationToken cancellationToken = default);

    /// <summary>The account's locks with their state, battery and connection.</summary>
    Task<IReadOnlyList<NukiSmartlock>> ListSmartlocksAsync(string apiToken, CancellationToken cancellationToken = default);

    /// <summary>One lock of the account.</summary>
    Task<NukiSmartlock> GetSmartlockAsync(string apiToken, long smartlockId, CancellationToken cancellationToken = default);

    /// <summary>The keypad codes (auth type 13) the lock holds, pending updates and deletes included; pending creates are not listed yet.</summary>
    Task<IReadOnlyList<NukiKeypadCode>> ListKeypadCodesAsync(string apiToken, long smartlockId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks Nuki to create a keypad code (PUT). No id comes back: find the code by its unique name with
    /// <see cref="ListKeypadCodesAsync"/>. The request is checked with <see cref="NukiCodeRules.Validate"/> first.
    /// </summary>
    Task CreateKeypadCodeAsync(string apiToken, long smartlockId, NukiKeypadCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Asks Nuki to replace a keypad code (POST with the full object, so no time restriction is cleared).</summary>
    Task UpdateKeypadCodeAsync(string apiToken, long smartlockId, string codeId, NukiKeypadCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Asks Nuki to delete a keypad code; it may still be listed for a few seconds.</summary>
    Task DeleteKeypadCodeAsync(string apiToken, long smartlockId, string codeId, CancellationToken cancellationToken = default);
}
