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

    /// <summary>
    /// Online locks with keypads seeded at startup for load runs (<c>--locks 1000</c>), spread over accounts of
    /// <see cref="LocksPerAccount"/> each whose tokens are <see cref="LoadTokenPrefix"/> followed by 1, 2, …
    /// </summary>
    public int Locks { get; set; }

    /// <summary>How many seeded load locks one account holds (a Nuki account of a property manager).</summary>
    public int LocksPerAccount { get; set; } = 100;

    /// <summary>The API tokens of the seeded load accounts: this prefix and the account's number.</summary>
    public string LoadTokenPrefix { get; set; } = "nuki-load-";

    /// <summary>Binds the options from the <c>NukiFake</c> section of <paramref name="configuration"/>.</summary>
    public static NukiFakeOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new NukiFakeOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
