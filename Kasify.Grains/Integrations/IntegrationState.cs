using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Integrations;

[GenerateSerializer, Alias("Kasify.Grains.Integrations.IntegrationState")]
internal sealed class IntegrationState
{
    [Id(0)]
    public Guid AccountId { get; set; }

    [Id(1)]
    public IntegrationType Type { get; set; }

    [Id(2)]
    public string Name { get; set; } = "";

    /// <summary>The secret, encrypted with the integration's id as associated data.</summary>
    [Id(3)]
    public byte[] ProtectedToken { get; set; } = [];

    [Id(4)]
    public string TokenHint { get; set; } = "";

    [Id(5)]
    public Uri? Url { get; set; }

    [Id(6)]
    public string? CertificateSha256 { get; set; }

    /// <summary>Bumped on every update, so lock grains can tell fresh credentials from cached ones.</summary>
    [Id(7)]
    public int Version { get; set; }

    [Id(8)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(9)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last device list the vendor gave, served (marked offline) when the vendor fails.</summary>
    [Id(10)]
    public List<IntegrationDevice> KnownDevices { get; set; } = [];

    [Id(11)]
    public DateTimeOffset? DevicesFetchedAt { get; set; }

    /// <summary>Which smart lock holds each assigned device, by vendor device id.</summary>
    [Id(12)]
    public Dictionary<string, DeviceAssignment> Assignments { get; set; } = [];

    /// <summary>An SES.HOSPEDAJES integration's arrendador code, user, environment and application; its password is the token.</summary>
    [Id(13)]
    public SesIntegrationSettings? Ses { get; set; }

    /// <summary>Whether the vendor reported more than <see cref="IntegrationRules.MaxDevices"/> devices, of which <see cref="KnownDevices"/> holds the first.</summary>
    [Id(14)]
    public bool DevicesTruncated { get; set; }
}
