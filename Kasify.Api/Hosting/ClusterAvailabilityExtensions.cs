namespace Kasify.Api.Hosting;

/// <summary>Declares which endpoints need the cluster and installs the check.</summary>
internal static class ClusterAvailabilityExtensions
{
    /// <summary>Marks endpoints that never call a grain (documents, health), so they answer while no silo is up.</summary>
    public static TBuilder AllowWithoutCluster<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(WithoutClusterMetadata.Instance);

    /// <summary>Fails requests to cluster endpoints fast with 503 while the client is not connected. Runs after routing.</summary>
    public static IApplicationBuilder UseClusterAvailability(this IApplicationBuilder app) =>
        app.UseMiddleware<ClusterAvailabilityMiddleware>();
}
