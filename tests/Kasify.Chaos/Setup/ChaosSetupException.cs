namespace Kasify.Chaos.Setup;

/// <summary>A set-up step the cluster refused for good (not a failover blip): the run cannot start, nothing is measured.</summary>
internal sealed class ChaosSetupException(string message) : Exception(message);
