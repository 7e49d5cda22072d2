using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>Declares the bearer scheme that authenticated operations refer to.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT or kas_pat_…",
            Description = "An access token from the Kasify identity provider, or a personal access token (kas_pat_…) created under /account/tokens.",
        };
        return Task.CompletedTask;
    }
}
