namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>How the last call to the vendor went (wire: <c>online</c>, <c>unauthorized</c>, <c>unreachable</c>).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationStatus")]
public enum IntegrationStatus
{
    /// <summary>The vendor answered with fresh data.</summary>
    Online = 0,

    /// <summary>The vendor refused the stored credentials; the data shown is the last known.</summary>
    Unauthorized = 1,

    /// <summary>The vendor did not answer; the data shown is the last known.</summary>
    Unreachable = 2,
}
