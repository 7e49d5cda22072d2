using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>
/// Describes the document: title and version, the server it was requested from (without a trailing slash, so paths
/// append cleanly), and the tags in alphabetical order, as the reference lists them, each with its description.
/// </summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Kasify API";
        document.Info.Version = "v1";
        document.Info.Description =
            "Holiday rental management: properties, bookings, guest check-in, smart locks and crew tasks. "
            + "Business endpoints are served at the root and under /v1.";

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        if (document.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                tag.Description ??= tag.Name is { } name ? KasifyApiTags.Descriptions.GetValueOrDefault(name) : null;
            }

            // A set enumerates in insertion order while nothing is removed; the generator's comparer (tags by name) stays.
            document.Tags = new HashSet<OpenApiTag>(tags.OrderBy(tag => tag.Name, StringComparer.Ordinal), (tags as HashSet<OpenApiTag>)?.Comparer);
        }

        return Task.CompletedTask;
    }
}
