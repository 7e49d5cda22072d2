using Kasify.Api.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kasify.Api.Health;

/// <summary><c>/health</c> (the process is up) and <c>/health/ready</c> (the cluster answers); anonymous and undocumented.</summary>
internal static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddKasifyHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapKasifyHealth(this IEndpointRouteBuilder app)
    {
        Map(app, "/health", _ => false);
        Map(app, "/health/ready", check => check.Tags.Contains(ReadyTag));
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, Func<HealthCheckRegistration, bool> predicate) =>
        app.MapHealthChecks(path, new HealthCheckOptions { Predicate = predicate, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .AllowWithoutCluster()
            .ExcludeFromDescription();
}
