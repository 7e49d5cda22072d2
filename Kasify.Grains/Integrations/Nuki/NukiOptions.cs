using Microsoft.Extensions.Configuration;

namespace Kasify.Grains.Integrations.Nuki;

/// <summary>
/// The Nuki Web API client's settings, bound from the configuration section <c>Kasify:Nuki</c>
/// (e.g. <c>Kasify__Nuki__BaseUrl=http://127.0.0.1:18081</c> to use the fake). The API token is not here: it belongs
/// to each account's integration and is passed on every call.
/// </summary>
public sealed class NukiOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Kasify:Nuki";

    /// <summary>The Web API's base URL; paths are appended directly (<c>{BaseUrl}/smartlock</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.nuki.io");

    /// <summary>How long one attempt may take before it counts as failed (and is retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429, a 5xx, a timeout or a connection failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Binds the options from the <c>Kasify:Nuki</c> section of <paramref name="configuration"/>.</summary>
    public static NukiOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new NukiOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
