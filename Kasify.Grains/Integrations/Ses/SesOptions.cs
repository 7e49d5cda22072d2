using Kasify.Grains.Interfaces.Integrations;
using Microsoft.Extensions.Configuration;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>Settings of the <c>Kasify:Ses</c> section.</summary>
public sealed class SesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kasify:Ses";

    /// <summary>The PRE endpoint.</summary>
    public static readonly Uri TestUrl = new("https://hospedajes.pre-ses.mir.es/hospedajes-web/ws/v1/comunicacion");

    /// <summary>The PROD endpoint.</summary>
    public static readonly Uri ProductionUrl = new("https://hospedajes.ses.mir.es/hospedajes-web/ws/v1/comunicacion");

    /// <summary>Which Ministry endpoint to call when <see cref="EndpointUrl"/> is not set.</summary>
    public SesEnvironment Environment { get; set; } = SesEnvironment.Test;

    /// <summary>An explicit endpoint, such as a local fake server; overrides <see cref="Environment"/>.</summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>The <c>aplicacion</c> header value (≤50).</summary>
    public string Application { get; set; } = "Kasify";

    /// <summary>Timeout of each attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of the whole call.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The endpoint to call.</summary>
    public Uri Endpoint => EndpointUrl ?? (Environment == SesEnvironment.Production ? ProductionUrl : TestUrl);

    /// <summary>Reads the <see cref="SectionName"/> section.</summary>
    public static SesOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SesOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
