namespace Kasify.Grains.Security;

/// <summary>
/// Encrypts data at rest (guest identity documents, vendor tokens, the SES password) with the key every silo shares
/// (DESIGN.md §2). Output is self-describing: it names the key that protected it, so keys can rotate while old data
/// stays readable.
/// </summary>
public interface ISecretProtector
{
    /// <summary>
    /// Encrypts and authenticates <paramref name="plaintext"/> with the current key and a fresh random nonce.
    /// <paramref name="associatedData"/> is authenticated but not stored: the same bytes must be given to
    /// <see cref="Unprotect"/>. Pass the owner's identity (e.g. <c>"guest:{bookingId}:{guestId}"</c>) so a protected value
    /// copied into another record is rejected.
    /// </summary>
    byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default);

    /// <summary>Decrypts what <see cref="Protect"/> produced with any configured key.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// The data is not in Kasify's format, names a key that is not configured, or was altered (or the associated data
    /// differs: <see cref="System.Security.Cryptography.AuthenticationTagMismatchException"/>).
    /// </exception>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData = default);

    /// <summary>Whether <paramref name="protectedData"/> was protected with the current key; if not, re-protect it after a rotation.</summary>
    bool IsProtectedWithCurrentKey(ReadOnlySpan<byte> protectedData);
}
