namespace Kasify.Grains.Security;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of low-entropy identifiers, such as guest document numbers, that must be found by their
/// exact value without being stored: unlike the plain SHA-256 of random codes (<c>SecretKeys</c>), a hash of a
/// guessable value is only safe under a key an attacker with the database does not have. The keys derive from the
/// encryption keys every silo shares (<c>Kasify:Encryption:Keys</c>), one sub-key per purpose, so no key serves two
/// algorithms and no new secret has to be configured.
/// </summary>
public interface IKeyedHasher
{
    /// <summary>
    /// The hash of <paramref name="value"/> under the current key, as <c>"{key id}:{lowercase hex}"</c>.
    /// <paramref name="purpose"/> separates uses: the same value hashed for two purposes gives unrelated hashes.
    /// </summary>
    string Hash(string purpose, string value);

    /// <summary>
    /// The hashes of <paramref name="value"/> under every configured key: a value hashed before a key rotation is still
    /// found while its key is configured.
    /// </summary>
    IReadOnlySet<string> HashesUnderEveryKey(string purpose, string value);
}
