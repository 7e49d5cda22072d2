using Kasify.Api.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>
/// Lists the 413 answer on every operation that takes a body (the cover image upload declares its own limit). A document
/// transformer, since it runs after the endpoints' own transformers have described the bodies they read themselves.
/// </summary>
internal sealed class RequestLimitsDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var operations = (document.Paths ?? []).Values.SelectMany(path => path.Operations ?? []).Select(operation => operation.Value);
        foreach (var operation in operations.Where(operation => operation.RequestBody is not null))
        {
            operation.Responses ??= [];
            operation.Responses.TryAdd("413", new OpenApiResponse
            {
                Description = $"The request body is larger than {RequestChecksMiddleware.MaxBodyBytes / 1024} KB (request.too_large).",
            });
        }

        return Task.CompletedTask;
    }
}
