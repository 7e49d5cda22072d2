namespace Kasify.Grains.Integrations.Ses;

/// <summary>Which Ministry endpoint to call.</summary>
public enum SesEnvironment
{
    /// <summary>The test endpoint (PRE).</summary>
    Test = 0,

    /// <summary>The production endpoint (PROD).</summary>
    Production = 1,
}
