using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// Checks the Ministry's TLS certificate against configured certificates instead of the system trust store, which lacks
/// the FNMT chain (root "AC RAIZ FNMT-RCM", intermediate "AC Componentes Informáticos"). Self-signed certificates are the
/// roots trusted; the others only help build the chain. The host name must still match: only the chain is judged here.
/// </summary>
public sealed class SesCertificateTrust
{
    private readonly X509Certificate2Collection _roots = [];
    private readonly X509Certificate2Collection _intermediates = [];

    /// <summary>Trusts the self-signed certificates among <paramref name="certificates"/>, the rest being intermediates.</summary>
    public SesCertificateTrust(IEnumerable<X509Certificate2> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        foreach (var certificate in certificates)
        {
            (IsSelfSigned(certificate) ? _roots : _intermediates).Add(certificate);
        }

        if (_roots.Count == 0)
        {
            throw new ArgumentException("At least one trusted certificate must be a self-signed root.", nameof(certificates));
        }
    }

    /// <summary>Reads every certificate of the files (PEM, possibly several per file, or DER).</summary>
    /// <exception cref="InvalidOperationException">A file is missing or holds no certificate.</exception>
    public static SesCertificateTrust FromFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var certificates = new List<X509Certificate2>();
        foreach (var path in paths)
        {
            certificates.AddRange(Load(path));
        }

        return new SesCertificateTrust(certificates);
    }

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/>: accepts when the server's certificate chains to a configured
    /// root and no name error was reported. Revocation is not checked, as with the default validation of HttpClient.
    /// </summary>
    public bool Validate(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
        custom.ChainPolicy.ExtraStore.AddRange(_intermediates);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        // Intermediates the server sent in its handshake.
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return custom.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static IEnumerable<X509Certificate2> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Kasify:Ses:TrustedCertificatePaths names '{path}', which does not exist.");
        }

        var bytes = File.ReadAllBytes(path);
        if (System.Text.Encoding.ASCII.GetString(bytes).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            return collection.Count > 0 ? collection : throw new InvalidOperationException($"'{path}' holds no certificate.");
        }

        return [X509CertificateLoader.LoadCertificate(bytes)];
    }
}
