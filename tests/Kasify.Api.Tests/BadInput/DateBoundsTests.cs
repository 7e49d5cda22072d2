using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;
using static Kasify.Api.Tests.BadInput.BadInputRequests;

namespace Kasify.Api.Tests.BadInput;

/// <summary>Every date and instant the API accepts lies between 2000-01-01 and 2100-12-31, in bodies and in query parameters.</summary>
[Collection(ApiCollection.Name)]
public sealed class DateBoundsTests(KasifyApiFactory factory)
{
    [Theory]
    [InlineData("cleaning", "0001-01-01T00:00:00Z", "2031-03-02T11:00:00Z", "from")]
    [InlineData("maintenance", "1999-12-31T23:59:59Z", "2031-03-02T11:00:00Z", "from")]
    [InlineData("maintenance", "2031-03-02T09:00:00Z", "9999-12-31T23:59:59Z", "to")]
    [InlineData("maintenance", "2031-03-02T09:00:00Z", "2101-01-01T00:00:00Z", "to")]
    public async Task ATaskOutsideTheAcceptedDatesIsRefusedAndNotStored(string type, string from, string to, string field)
    {
        var (owner, propertyId, _, _, _) = await ArrangeAsync(factory);
        var before = await CountTasksAsync(owner, propertyId);

        using var response = await owner.PostAsJsonAsync("/v1/tasks", new { property_id = propertyId, task_type = type, from, to });

        Assert.Contains("between 2000-01-01 and 2100-12-31", string.Join(" ", await FieldErrorAsync(response, field)), StringComparison.Ordinal);
        Assert.Equal(before, await CountTasksAsync(owner, propertyId));
    }

    [Theory]
    [InlineData("{\"from\":\"0001-01-01T00:00:00Z\"}", "from")]
    [InlineData("{\"to\":\"9999-12-31T23:59:59Z\"}", "to")]
    public async Task MovingATaskOutsideTheAcceptedDatesIsRefused(string json, string field)
    {
        var (owner, propertyId, _, _, taskId) = await ArrangeAsync(factory);

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, $"/v1/tasks/{taskId}", json, "application/merge-patch+json");

        await FieldErrorAsync(response, field);
        using var list = await owner.GetAsync($"/v1/properties/{propertyId}/tasks");
        var task = (await list.ReadSuccessAsync()).GetProperty("content")[0];
        Assert.Equal(DateTimeOffset.Parse("2031-03-02T09:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), task.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2031-03-02T11:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), task.GetProperty("to").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("/v1/account/tokens", "{\"name\":\"ci\",\"expires_at\":\"9999-12-31T23:59:59Z\"}", "expires_at")]
    [InlineData("/v1/properties/{property}/invitations", "{\"accessLevel\":\"staff\",\"expiresAt\":\"9999-12-31T23:59:59Z\"}", "expiresAt")]
    [InlineData("/v1/properties/{property}/bookings", "{\"from\":\"0001-01-01\",\"to\":\"2031-01-02\"}", "from")]
    public async Task InstantsAndDatesInOtherBodiesAreBoundedToo(string url, string json, string field)
    {
        var (owner, propertyId, _, _, _) = await ArrangeAsync(factory);

        using var response = await owner.SendJsonAsync(HttpMethod.Post, url.Replace("{property}", propertyId.ToString(), StringComparison.Ordinal), json);

        await FieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("/v1/bookings?from=0001-01-01", "from")]
    [InlineData("/v1/properties/{property}/bookings?to=9999-12-31", "to")]
    [InlineData("/v1/tasks?scheduled_from=1999-12-31", "scheduled_from")]
    [InlineData("/v1/properties/{property}/tasks?scheduled_to=9999-12-31", "scheduled_to")]
    [InlineData("/v1/properties/{property}/calendar?from=2101-01-01", "from")]
    public async Task DatesInQueryParametersAreBounded(string url, string field)
    {
        var (owner, propertyId, _, _, _) = await ArrangeAsync(factory);

        using var response = await owner.GetAsync(url.Replace("{property}", propertyId.ToString(), StringComparison.Ordinal));

        Assert.Contains("between 2000-01-01 and 2100-12-31", string.Join(" ", await FieldErrorAsync(response, field)), StringComparison.Ordinal);
    }

    private static async Task<long> CountTasksAsync(HttpClient owner, Guid propertyId)
    {
        var page = await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/tasks?include_cancelled=true");
        return page.GetProperty("total_elements").GetInt64();
    }
}
