using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Kasify.Api.Tests.Roles;

/// <summary>
/// Runs <see cref="RoleMatrix"/>: every row for every caller against one shared arrangement, every mismatch reported
/// with its endpoint and caller.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoleMatrixTests(KasifyApiFactory factory, ITestOutputHelper output)
{
    // Served outside the OpenAPI document, so the completeness check takes them from here.
    private static readonly string[] UndocumentedRows = ["GET /health", "GET /health/ready", "GET /openapi.json", "GET /openapi.yaml", "GET /docs"];

    [Fact]
    public async Task EveryEndpointAnswersEveryRoleAsTheRolesTableSays()
    {
        var stopwatch = Stopwatch.StartNew();
        await using var arrangement = await RoleMatrixArrangement.CreateAsync(factory);
        var arranged = stopwatch.Elapsed;
        var callers = Enum.GetValues<Caller>();
        var failures = new List<string>();
        var cases = 0;

        foreach (var row in RoleMatrix.Rows)
        {
            foreach (var caller in callers)
            {
                cases++;
                var expected = row.For(caller);
                using var request = await row.Request(arrangement, caller);
                using var response = await arrangement.Client(caller).SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                foreach (var problem in Check(arrangement, expected, (int)response.StatusCode, body))
                {
                    failures.Add($"{row.Name} as {caller}: {problem} (expected {expected}; got {(int)response.StatusCode}: {Shorten(body)})");
                }
            }
        }

        output.WriteLine(
            $"Role matrix: {RoleMatrix.Rows.Count} endpoint rows x {callers.Length} callers = {cases} cases; "
            + $"arranged in {arranged.TotalSeconds:F1} s, all in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} role matrix cases failed:\n" + string.Join("\n", failures));
        Assert.Equal(RoleMatrix.Rows.Count * callers.Length, cases);
    }

    [Fact]
    public async Task TheMatrixHasARowForEveryDocumentedOperation()
    {
        using var client = factory.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");
        var documented = paths.EnumerateObject()
            .Where(path => !path.Name.StartsWith("/test/", StringComparison.Ordinal)) // TestEndpoints: the tests' own probes
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var rows = RoleMatrix.Rows.Select(row => $"{row.Method} {row.Template}").ToHashSet();

        Assert.Empty(documented.Except(rows).Order());
        Assert.Empty(rows.Except(documented).Except(UndocumentedRows).Order());
    }

    private static IEnumerable<string> Check(RoleMatrixArrangement arrangement, Expect expected, int status, string body)
    {
        if (status != expected.Status)
        {
            yield return "wrong status";
            yield break;
        }

        var json = RoleMatrixArrangement.TryParse(body);
        if (expected.Code is { } code && ProblemCode(json) != code)
        {
            yield return "wrong problem code";
        }

        foreach (var field in expected.Shows)
        {
            if (json is not { } document || !Values(document, field).Any(value => value.ValueKind is not JsonValueKind.Null))
            {
                yield return $"{field} has no value";
            }
        }

        foreach (var field in expected.Redacts)
        {
            if (json is { } document && Values(document, field).Any(value => value.ValueKind is not JsonValueKind.Null))
            {
                yield return $"{field} is not redacted";
            }
        }

        foreach (var marker in expected.Includes)
        {
            if (!body.Contains(arrangement.Marker(marker), StringComparison.OrdinalIgnoreCase))
            {
                yield return $"the {marker} is missing";
            }
        }

        foreach (var marker in expected.Excludes)
        {
            if (body.Contains(arrangement.Marker(marker), StringComparison.OrdinalIgnoreCase))
            {
                yield return $"the {marker} leaks";
            }
        }
    }

    // Every value of a field of that name, at any depth.
    private static IEnumerable<JsonElement> Values(JsonElement element, string field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals(field))
                    {
                        yield return property.Value;
                    }

                    foreach (var nested in Values(property.Value, field))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in Values(item, field))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private static string? ProblemCode(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
