using Kasify.Grains.Interfaces.Integrations;
using Microsoft.Extensions.Configuration;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>Settings of the <c>Kasify:Ses</c> section.</summary>
public sealed class SesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kasify:Ses";

    /// <summary>The Ministry's PRE endpoint, the default of <see cref="TestUrl"/>.</summary>
    public static readonly Uri DefaultTestUrl = new("https://hospedajes.pre-ses.mir.es/hospedajes-web/ws/v1/comunicacion");

    /// <summary>The Ministry's PROD endpoint, the default of <see cref="ProductionUrl"/>.</summary>
    public static readonly Uri DefaultProductionUrl = new("https://hospedajes.ses.mir.es/hospedajes-web/ws/v1/comunicacion");

    /// <summary>The endpoint of accounts in the test environment.</summary>
    public Uri TestUrl { get; set; } = DefaultTestUrl;

    /// <summary>The endpoint of accounts in the production environment.</summary>
    public Uri ProductionUrl { get; set; } = DefaultProductionUrl;

    /// <summary>
    /// One endpoint for every account whatever its environment, such as a local fake server; overrides
    /// <see cref="TestUrl"/> and <see cref="ProductionUrl"/>.
    /// </summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>The <c>aplicacion</c> header value (≤50) of accounts that name none.</summary>
    public string Application { get; set; } = "Kasify";

    /// <summary>Timeout of each attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of the whole call.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// PEM or DER files with the certificates the Ministry's TLS chain is checked against (the FNMT root and its
    /// intermediate, which default trust stores lack). When set, only chains ending at one of the self-signed ones are
    /// accepted; the others are offered as intermediates. When empty, the system's trust store decides.
    /// </summary>
    public List<string> TrustedCertificatePaths { get; set; } = [];

    /// <summary>The endpoint an account of <paramref name="environment"/> calls.</summary>
    public Uri EndpointFor(SesEnvironment environment) =>
        EndpointUrl ?? (environment == SesEnvironment.Production ? ProductionUrl : TestUrl);

    /// <summary>Reads the <see cref="SectionName"/> section.</summary>
    public static SesOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SesOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
