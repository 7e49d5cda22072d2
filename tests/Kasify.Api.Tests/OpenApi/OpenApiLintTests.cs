using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.OpenApi;

/// <summary>
/// The served document passes Redocly's recommended rules (tests/openapi-lint/redocly.yaml says which rules are off, and why)
/// with no error and no warning.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiLintTests(KasifyApiFactory factory)
{
    [Theory]
    [InlineData("/openapi.json", ".json")]
    [InlineData("/openapi.yaml", ".yaml")]
    public async Task TheDocumentIsLintClean(string documentPath, string extension)
    {
        // Requested as production serves it (the reference's base URL): the document's server entry is the address it was
        // requested from, and the recommended rules rightly flag localhost in a published document.
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://api.kasify.com") });
        var folder = Directory.CreateTempSubdirectory("kasify-openapi-lint-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi" + extension);
            await File.WriteAllTextAsync(file, await client.GetStringAsync(documentPath));

            var problems = await RedoclyCli.LintAsync(file);

            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
