using System.Text;
using System.Text.Json;

namespace Kasify.Grains.Security;

/// <summary>Protects whole records: JSON, then <see cref="ISecretProtector"/>.</summary>
public static class SecretProtectorJsonExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>
    /// Serializes <paramref name="value"/> to JSON and protects it. <paramref name="context"/> (for example
    /// <c>"guest:{bookingId}:{guestId}"</c>) is authenticated, not stored: give the same to <see cref="UnprotectJson"/>.
    /// </summary>
    public static byte[] ProtectJson<T>(this ISecretProtector protector, T value, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value, Json), Context(context));
    }

    /// <summary>Unprotects what <see cref="ProtectJson"/> produced and deserializes it.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">See <see cref="ISecretProtector.Unprotect"/>.</exception>
    public static T UnprotectJson<T>(this ISecretProtector protector, ReadOnlySpan<byte> protectedData, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return JsonSerializer.Deserialize<T>(protector.Unprotect(protectedData, Context(context)), Json)
            ?? throw new JsonException($"The protected data holds null, not a {typeof(T).Name}.");
    }

    private static byte[] Context(string? context) => context is null ? [] : Encoding.UTF8.GetBytes(context);
}
