namespace Kasify.Fakes.Ses;

/// <summary>
/// The fake's credentials and switches, bound from the configuration section <c>SesFake</c> (e.g.
/// <c>--SesFake:ProcessingDelayMs=5000</c>) and changeable at run time through <c>POST /fake/switches</c>.
/// </summary>
public sealed class SesFakeOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "SesFake";

    /// <summary>The web-service user expected in HTTP Basic.</summary>
    public string Username { get; set; } = "B12345678WS";

    /// <summary>The web-service password expected in HTTP Basic.</summary>
    public string Password { get; set; } = "Kasify-Demo-2025";

    /// <summary>The only <c>codigoArrendador</c> the fake knows; any other gets 10103.</summary>
    public string ArrendadorCode { get; set; } = "0000123456";

    /// <summary>Establishment codes the fake knows; when empty every code is accepted.</summary>
    public List<string> EstablishmentCodes { get; set; } = [];

    /// <summary>Document numbers the Ministry refuses after receipt although they are well formed (its own registers say no).</summary>
    public List<string> RejectedDocumentNumbers { get; set; } = [];

    /// <summary>When set, every request is answered 401 as if the password had been changed at the Ministry.</summary>
    public bool RejectCredentials { get; set; }

    /// <summary>Added to every service request before it is answered, so clients can hit their timeouts.</summary>
    public int LatencyMs { get; set; }

    /// <summary>The share (0..1) of service requests answered with a random 500, 502 or 503.</summary>
    public double ErrorRate { get; set; }

    /// <summary>How long a lot stays "in process" after it was received (it is also reported in process on its first query).</summary>
    public int ProcessingDelayMs { get; set; }

    /// <summary>Emit the misspelled <c>resutadoComunicacion</c> and <c>codigoRetorno</c> seen in the Ministry's examples.</summary>
    public bool MisspelledElements { get; set; }

    /// <summary>Binds the options from the <c>SesFake</c> section of <paramref name="configuration"/>.</summary>
    public static SesFakeOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SesFakeOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
