using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.OpenApi;

/// <summary>
/// Calls every operation of the served document the way a client reading only the document might (no token, a token
/// of an unregistered identity, a registered user with unknown ids, the owner of a property, a body of the wrong media
/// type) and checks that each status code it gets is one the operation declares.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DeclaredResponsesTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task EveryAnswerToASimpleCallIsDeclared()
    {
        // A host of its own, so these calls spend no other test's rate limit budget.
        await using var host = factory.WithSettings(new Dictionary<string, string?>());
        using var anonymous = host.CreateClient();
        using var registered = host.CreateAuthenticatedClient();
        await registered.RegisterAsync();
        using var owner = host.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var operations = DocumentedOperation.ReadAll(await anonymous.GetFromJsonAsync<JsonElement>("/openapi.json"))
            .OrderBy(operation => operation.Method == HttpMethod.Delete) // the owner's property goes last, so the others find it
            .ThenBy(operation => operation.Path == "/v1/properties/{id}")
            .ToList();
        var undeclared = new List<string>();

        foreach (var operation in operations)
        {
            await CheckAsync(anonymous, "no token", operation, operation.Url(propertyId: null), JsonBody(operation));
            using (var unregistered = host.CreateAuthenticatedClient()) // a new identity each time: registering is one of the operations
            {
                await CheckAsync(unregistered, "unregistered", operation, operation.Url(propertyId: null), JsonBody(operation));
            }

            await CheckAsync(registered, "unknown ids", operation, operation.Url(propertyId: null), JsonBody(operation));
            await CheckAsync(owner, "owner", operation, operation.Url(propertyId), JsonBody(operation));
            if (operation.BodyMediaType is not null)
            {
                await CheckAsync(registered, "text/plain body", operation, operation.Url(propertyId: null), new StringContent("x", Encoding.UTF8, "text/plain"));
            }
        }

        Assert.True(undeclared.Count == 0, string.Join('\n', undeclared));

        async Task CheckAsync(HttpClient client, string caller, DocumentedOperation operation, string url, HttpContent? body)
        {
            using var request = new HttpRequestMessage(operation.Method, url) { Content = body };
            using var response = await client.SendAsync(request);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (!operation.DeclaredStatuses.Contains(status))
            {
                undeclared.Add($"{operation.Method} {operation.Path} ({caller}): {status} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    // The smallest body of the declared media type: an empty JSON object, or an empty form.
    private static HttpContent? JsonBody(DocumentedOperation operation) => operation.BodyMediaType switch
    {
        null => null,
        "multipart/form-data" => new MultipartFormDataContent(),
        var mediaType => new StringContent("{}", Encoding.UTF8, mediaType),
    };
}
