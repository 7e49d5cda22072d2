using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kasify.Api.Tests.Infrastructure;

/// <summary>Reading successful responses and writing the dates the calendar and timeline tests send.</summary>
public static class ApiResponses
{
    /// <summary>The JSON body of a response that must have succeeded (the failure message shows the problem body).</summary>
    public static async Task<JsonElement> ReadSuccessAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Today's date in an IANA time zone.</summary>
    public static DateOnly Today(string zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);

    /// <summary>A date as the API writes it, YYYY-MM-DD.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
