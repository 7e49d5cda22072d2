using Kasify.Api.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>
/// Declares the answers the host itself can give on an operation, whatever its handler does: 429 from the rate limits
/// (every caller is in some bucket); 503 and 504 while the cluster is unavailable or slow, for operations that call it;
/// 413 and 415 for a body that is too large or of another media type, for operations that take one.
/// </summary>
internal sealed class HostProblemsOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        await ProblemResponses.DeclareAsync(operation, context, HostProblem.RateLimited, cancellationToken);
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<WithoutClusterMetadata>().Any())
        {
            await ProblemResponses.DeclareAsync(operation, context, HostProblem.Unavailable, cancellationToken);
            await ProblemResponses.DeclareAsync(operation, context, HostProblem.TimedOut, cancellationToken);
        }

        if (operation.RequestBody is not null)
        {
            await ProblemResponses.DeclareAsync(operation, context, HostProblem.TooLarge, cancellationToken);
            await ProblemResponses.DeclareAsync(operation, context, HostProblem.UnsupportedMediaType, cancellationToken);
        }
    }
}
