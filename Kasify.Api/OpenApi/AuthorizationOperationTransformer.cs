using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>
/// States each operation's security: the bearer requirement, with its 401 and 403 answers, on every operation that
/// needs a caller (with the fallback policy, every operation not marked <c>AllowAnonymous()</c>); an empty requirement
/// list on public ones, which says "no credentials" where an absent list would say nothing.
/// </summary>
internal sealed class AuthorizationOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerSecuritySchemeTransformer.SchemeName, context.Document)] = [],
            },
        ];
        await ProblemResponses.DeclareAsync(operation, context, HostProblem.Unauthenticated, cancellationToken);
        await ProblemResponses.DeclareAsync(operation, context, HostProblem.Forbidden, cancellationToken);
    }
}
