using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.OpenApi;

/// <summary>Every task operation documents the one TaskResponse shape it returns, whatever the caller's role.</summary>
[Collection(ApiCollection.Name)]
public sealed class TaskResponseSchemaTests(KasifyApiFactory factory)
{
    private const string TaskResponseRef = "#/components/schemas/TaskResponse";

    [Theory]
    [InlineData("/v1/tasks/{id}", "get", "200")]
    [InlineData("/v1/tasks/{id}", "patch", "200")]
    [InlineData("/v1/tasks/{id}/start", "post", "200")]
    [InlineData("/v1/tasks/{id}/complete", "post", "200")]
    [InlineData("/v1/tasks", "post", "201")]
    [InlineData("/v1/tasks/public/{token}", "get", "200")]
    public async Task SingleTaskOperationsReturnTheTaskResponseSchema(string path, string method, string status)
    {
        var document = await ReadDocumentAsync();

        Assert.Equal(TaskResponseRef, ResponseSchema(document, path, method, status).GetProperty("$ref").GetString());
    }

    [Theory]
    [InlineData("/v1/tasks")]
    [InlineData("/v1/properties/{id}/tasks")]
    public async Task TaskListsHoldTaskResponses(string path)
    {
        var document = await ReadDocumentAsync();
        var page = Resolve(document, ResponseSchema(document, path, "get", "200"));

        Assert.Equal(TaskResponseRef, page.GetProperty("properties").GetProperty("content").GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task TheSchemaListsEveryFieldAnyViewShowsAndNoOtherTaskShapeIsDocumented()
    {
        var schemas = (await ReadDocumentAsync()).GetProperty("components").GetProperty("schemas");

        var fields = schemas.GetProperty("TaskResponse").GetProperty("properties").EnumerateObject().Select(field => field.Name).ToHashSet();
        string[] expected =
            [
                "id", "property_id", "task_type", "status", "assigned_to", "assigned_to_name", "from", "to", "booking_id", "notes", "job_report",
                "started_at", "completed_at", "created_at", "cancelled_at", "access", "public_token", "property", "next_booking",
            ];
        Assert.True(fields.SetEquals(expected), string.Join(", ", fields));
        Assert.DoesNotContain("scope", fields);
        Assert.False(schemas.TryGetProperty("CrewTaskResponse", out _));
        Assert.False(schemas.TryGetProperty("TaskItemResponse", out _));
    }

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var client = factory.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/openapi.json");
    }

    private static JsonElement ResponseSchema(JsonElement document, string path, string method, string status) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;
}
