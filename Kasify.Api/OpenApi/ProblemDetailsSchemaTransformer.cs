using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>
/// Describes the members every Kasify problem carries beside RFC 9457's (<c>code</c>, <c>trace_id</c>) and lets problems
/// carry more (a conflict names what it conflicts with). Derived from the type alone, the schema lists neither and
/// forbids any other member, so a client that validates answers would refuse every error body.
/// </summary>
internal sealed class ProblemDetailsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable, machine-readable problem code, e.g. booking.overlap or validation.failed.",
        };
        schema.Properties["trace_id"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's W3C trace id, for support requests.",
        };
        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        schema.Required.Add("code");
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = true;
        return Task.CompletedTask;
    }
}
