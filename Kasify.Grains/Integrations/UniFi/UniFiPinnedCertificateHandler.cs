using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// The primary handler of the UniFi client: one <see cref="SocketsHttpHandler"/> per pinned fingerprint, each with its
/// own certificate callback and connection pool, so a connection validated for one integration's pin is never reused
/// for another's. Requests carry their pin in <see cref="PinOption"/>; without one, normal system validation applies.
/// </summary>
internal sealed class UniFiPinnedCertificateHandler : HttpMessageHandler
{
    public static readonly HttpRequestOptionsKey<string?> PinOption = new("Kasify.UniFi.CertificateSha256");

    private readonly ConcurrentDictionary<string, HttpMessageInvoker> _byPin = new(StringComparer.Ordinal);

    /// <summary>Upper-case hex without separators; accepts <c>AB:CD…</c>, <c>ab cd…</c> and plain hex.</summary>
    public static string? Normalize(string? fingerprint)
    {
        if (string.IsNullOrWhiteSpace(fingerprint))
        {
            return null;
        }

        var hex = string.Concat(fingerprint.Where(char.IsAsciiHexDigit)).ToUpperInvariant();
        return hex.Length == 64 && fingerprint.All(c => char.IsAsciiHexDigit(c) || c is ':' or ' ' or '-')
            ? hex
            : throw new ArgumentException("A certificate fingerprint is 64 hex digits (SHA-256).", nameof(fingerprint));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(PinOption, out var pin);
        var invoker = _byPin.GetOrAdd(pin ?? string.Empty, static key => new HttpMessageInvoker(Create(key.Length == 0 ? null : key)));
        return invoker.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var invoker in _byPin.Values)
            {
                invoker.Dispose();
            }

            _byPin.Clear();
        }

        base.Dispose(disposing);
    }

    private static SocketsHttpHandler Create(string? pin) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => pin is null
                ? errors == SslPolicyErrors.None
                : certificate is not null && Matches(certificate, pin),
        },
    };

    private static bool Matches(X509Certificate certificate, string pin)
    {
        var actual = SHA256.HashData(certificate.GetRawCertData());
        return CryptographicOperations.FixedTimeEquals(actual, Convert.FromHexString(pin));
    }
}
