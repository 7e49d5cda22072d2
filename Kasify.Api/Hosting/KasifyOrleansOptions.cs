namespace Kasify.Api.Hosting;

/// <summary>Settings of the API's Orleans client, bound from <c>Kasify:Orleans</c>.</summary>
internal sealed class KasifyOrleansOptions
{
    public const string SectionName = "Kasify:Orleans";

    /// <summary>Fixed for every deployment, as in the silo: stored state and reminders are keyed by it.</summary>
    public const string ServiceId = "kasify";

    /// <summary>False when the host gets its <see cref="IClusterClient"/> elsewhere (tests register a test cluster's client).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a grain call may take before it fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
