using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kasify.Api.Tests.Infrastructure;

/// <summary>Asserts RFC 9457 problem responses.</summary>
public static class ProblemAssert
{
    /// <summary>Status, <c>application/problem+json</c>, <c>code</c>, matching <c>type</c>; returns the body for further checks.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://kasify.app/problems/" + code, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
