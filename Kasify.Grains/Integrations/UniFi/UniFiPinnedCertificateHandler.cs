using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasify.Grains.Outbound;

namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// The primary handler of the UniFi client: a pooled outbound handler (<see cref="OutboundHandlerFactory"/>: policy-checked
/// addresses, https only, no redirects) per pinned fingerprint, each with its own certificate callback and connection pool,
/// so a connection validated for one integration's pin is never reused for another's. The pool is bounded
/// (<see cref="OutboundOptions.MaxPooledHandlers"/>, <see cref="OutboundOptions.HandlerIdleTimeout"/>). Requests carry
/// their pin in <see cref="PinOption"/>; without one, normal system validation applies.
/// </summary>
internal sealed class UniFiPinnedCertificateHandler : HttpMessageHandler
{
    public static readonly HttpRequestOptionsKey<string?> PinOption = new("Kasify.UniFi.CertificateSha256");

    private readonly OutboundHandlerCache _byPin;

    public UniFiPinnedCertificateHandler(OutboundHandlerFactory outbound, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        _byPin = new OutboundHandlerCache(
            key => outbound.Create(httpsOnly: true, Ssl(key.Length == 0 ? null : key)),
            outbound.Options.MaxPooledHandlers,
            outbound.Options.HandlerIdleTimeout,
            time);
    }

    /// <summary>Handlers currently pooled.</summary>
    internal int PooledHandlers => _byPin.Count;

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
        return _byPin.SendAsync(pin ?? string.Empty, request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _byPin.Dispose();
        }

        base.Dispose(disposing);
    }

    private static SslClientAuthenticationOptions Ssl(string? pin) => new()
    {
        RemoteCertificateValidationCallback = (_, certificate, _, errors) => pin is null
            ? errors == SslPolicyErrors.None
            : certificate is not null && Matches(certificate, pin),
    };

    private static bool Matches(X509Certificate certificate, string pin)
    {
        var actual = SHA256.HashData(certificate.GetRawCertData());
        return CryptographicOperations.FixedTimeEquals(actual, Convert.FromHexString(pin));
    }
}
