using System.Reflection;

namespace Kasify.Api.Hosting;

/// <summary>
/// Answers 503 <c>cluster.unavailable</c> for endpoints that need the cluster while the client has not connected yet:
/// before that, a grain call would fail in ways that say nothing about the cause.
/// </summary>
internal sealed class ClusterAvailabilityMiddleware(RequestDelegate next, ClusterConnection connection)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!connection.IsConnected && NeedsCluster(context.GetEndpoint()))
        {
            throw new ClusterUnavailableException();
        }

        return next(context);
    }

    // Only route handlers call grains; framework endpoints such as the 405 answer and health checks do not.
    private static bool NeedsCluster(Endpoint? endpoint) =>
        endpoint is not null
        && endpoint.Metadata.GetMetadata<MethodInfo>() is not null
        && endpoint.Metadata.GetMetadata<WithoutClusterMetadata>() is null;
}
