using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>Declares <see cref="HostProblem"/> answers (<c>application/problem+json</c>) on operations.</summary>
internal static class ProblemResponses
{
    private const string SchemaName = "ProblemDetails";
    private const string MediaType = "application/problem+json";
    private const string RetryAfterHeader = "Retry-After";

    /// <summary>
    /// Makes the operation's answer for the problem's status a reference to the shared response. An endpoint's own
    /// declaration stays when it says more than the status's reason phrase (what a bare <c>ProducesProblem</c> gives).
    /// </summary>
    public static async Task DeclareAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, HostProblem problem, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation is transformed outside a document.");
        var status = problem.Status.ToString(CultureInfo.InvariantCulture);
        operation.Responses ??= [];
        if (operation.Responses.TryGetValue(status, out var declared) && declared.Description != ReasonPhrases.GetReasonPhrase(problem.Status))
        {
            return;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        if (!document.Components.Responses.ContainsKey(problem.Name))
        {
            document.AddComponent<IOpenApiResponse>(problem.Name, await CreateAsync(problem, context, document, cancellationToken));
        }

        operation.Responses[status] = new OpenApiResponseReference(problem.Name, document);
    }

    private static async Task<OpenApiResponse> CreateAsync(
        HostProblem problem, OpenApiOperationTransformerContext context, OpenApiDocument document, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.ContainsKey(SchemaName) != true)
        {
            document.AddComponent(SchemaName, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        return new OpenApiResponse
        {
            Description = problem.Description,
            Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) } },
            Headers = problem.RetryAfter
                ? new Dictionary<string, IOpenApiHeader>
                {
                    [RetryAfterHeader] = new OpenApiHeader
                    {
                        Description = "Whole seconds to wait before trying again.",
                        Required = true,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                    },
                }
                : null,
        };
    }
}
