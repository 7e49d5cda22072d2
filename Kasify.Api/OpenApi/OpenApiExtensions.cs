using Kasify.Api.Hosting;
using Kasify.Api.RateLimiting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Kasify.Api.OpenApi;

/// <summary>The OpenAPI 3.1 document (JSON and YAML) generated from the endpoints, and the reference UI.</summary>
internal static class OpenApiExtensions
{
    private const string JsonDocumentPath = "/openapi.json";

    public static IServiceCollection AddKasifyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<AuthorizationOperationTransformer>();
            options.AddOperationTransformer<HostProblemsOperationTransformer>();
            options.AddSchemaTransformer<ProblemDetailsSchemaTransformer>();
            options.AddDocumentTransformer<RequestLimitsDocumentTransformer>();
            options.AddDocumentTransformer<UnusedSchemasTransformer>(); // last: after every transformer that replaces a schema
        });

    /// <summary>Maps <c>/openapi.json</c>, <c>/openapi.yaml</c> and <c>/docs</c>: anonymous, limited per client IP, served without the cluster.</summary>
    public static IEndpointRouteBuilder MapKasifyOpenApi(this IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { JsonDocumentPath, "/openapi.yaml" })
        {
            app.MapOpenApi(path)
                .AllowAnonymous()
                .AllowWithoutCluster()
                .RequireRateLimiting(KasifyRateLimits.OpenApi);
        }

        app.MapScalarApiReference("/docs", options => options
                .WithTitle("Kasify API")
                .WithOpenApiRoutePattern(JsonDocumentPath))
            .AllowAnonymous()
            .AllowWithoutCluster()
            .RequireRateLimiting(KasifyRateLimits.Docs);
        return app;
    }
}
