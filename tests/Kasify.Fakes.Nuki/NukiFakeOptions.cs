namespace Kasify.Fakes.Nuki;

/// <summary>
/// The fake's switches, bound from the configuration section <c>NukiFake</c> (e.g. <c>--NukiFake:ApplyDelayMs=2000</c>)
/// and changeable at run time through <c>POST /fake/switches</c>.
/// </summary>
public sealed class NukiFakeOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "NukiFake";

    /// <summary>How long a write (auth create/update/delete, action) takes to reach the device after its 204.</summary>
    public int ApplyDelayMs { get; set; } = 1000;

    /// <summary>Added to every vendor request before it is answered.</summary>
    public int LatencyMs { get; set; }

    /// <summary>The share (0..1) of vendor requests answered with a random 500, 502 or 503.</summary>
    public double ErrorRate { get; set; }

    /// <summary>When set, an account with this API token and three demo locks is seeded at startup.</summary>
    public string? DemoToken { get; set; }

    /// <summary>Binds the options from the <c>NukiFake</c> section of <paramref name="configuration"/>.</summary>
    public static NukiFakeOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new NukiFakeOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
