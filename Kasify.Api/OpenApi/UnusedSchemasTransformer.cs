using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kasify.Api.OpenApi;

/// <summary>
/// Drops component schemas that nothing refers to any more. An operation transformer that replaces what the generator
/// derived (the integration bodies, bound as a <c>JsonElement</c> and described per type) leaves the old schema behind.
/// </summary>
internal sealed class UnusedSchemasTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        // A schema used only by an unused schema becomes unused once that one goes, so repeat until nothing changes.
        while (true)
        {
            var references = new SchemaReferenceCollector();
            new OpenApiWalker(references).Walk(document);
            var unused = schemas.Keys.Where(name => !references.Names.Contains(name)).ToList();
            if (unused.Count == 0)
            {
                return Task.CompletedTask;
            }

            foreach (var name in unused)
            {
                schemas.Remove(name);
            }
        }
    }

    private sealed class SchemaReferenceCollector : OpenApiVisitorBase
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public override void Visit(IOpenApiReferenceHolder referenceHolder)
        {
            if (referenceHolder is OpenApiSchemaReference { Reference.Id: { } id })
            {
                Names.Add(id);
            }
        }
    }
}
