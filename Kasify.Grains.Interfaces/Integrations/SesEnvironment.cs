namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>Which Ministry endpoint an SES.HOSPEDAJES integration calls.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Integrations.SesEnvironment")]
public enum SesEnvironment
{
    /// <summary>The test endpoint (PRE).</summary>
    Test = 0,

    /// <summary>The production endpoint (PROD).</summary>
    Production = 1,
}
