namespace Kasify.Api.Hosting;

/// <summary>The Orleans client settings, bound from <c>Kasify:Orleans</c>; the silo reads the same keys.</summary>
internal sealed class KasifyOrleansOptions
{
    public const string SectionName = "Kasify:Orleans";

    /// <summary>Fixed for every deployment: stored state and reminders are keyed by it.</summary>
    public const string ServiceId = "kasify";

    /// <summary>False when the host gets its <see cref="IClusterClient"/> elsewhere (tests register a test cluster's client).</summary>
    public bool Enabled { get; set; } = true;

    public string ClusterId { get; set; } = "kasify-local";

    /// <summary>The silo's gateway port on localhost, used in <see cref="StorageMode.Sqlite"/> mode.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long a grain call may take before it fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
