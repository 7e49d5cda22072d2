using System.Net.Http.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using static Kasify.Api.Tests.BadInput.BadInputRequests;

namespace Kasify.Api.Tests.BadInput;

/// <summary>A key given twice in a JSON object is a field error naming it, whichever way the endpoint reads its body.</summary>
[Collection(ApiCollection.Name)]
public sealed class DuplicateKeyTests(KasifyApiFactory factory)
{
    [Theory]
    [InlineData("property", "name", "{\"name\":\"a\",\"name\":\"b\"}")]
    [InlineData("booking", "notes", "{\"notes\":\"a\",\"notes\":\"b\"}")]
    [InlineData("task", "notes", "{\"notes\":\"a\",\"notes\":\"b\"}")]
    [InlineData("crew", "service", "{\"service\":\"pool\",\"service\":\"cleaning\"}")]
    public async Task AMergePatchGivingAKeyTwiceIsAFieldError(string target, string field, string json)
    {
        var (owner, propertyId, contractorId, bookingId, taskId) = await ArrangeAsync(factory);
        var url = target switch
        {
            "property" => $"/v1/properties/{propertyId}",
            "booking" => $"/v1/bookings/{bookingId}",
            "task" => $"/v1/tasks/{taskId}",
            _ => $"/v1/properties/{propertyId}/crew/{contractorId}",
        };

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, url, json, "application/merge-patch+json");

        Assert.Equal(["Given more than once."], await FieldErrorAsync(response, field));
    }

    [Fact]
    public async Task ABoundBodyGivingAKeyTwiceIsAFieldError()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.SendJsonAsync(
            HttpMethod.Post, "/v1/properties", "{\"name\":\"Casa A\",\"name\":\"Casa B\",\"address\":\"Calle Mayor 1\",\"city\":\"Madrid\",\"zip_code\":\"28013\"}");

        await FieldErrorAsync(response, "name");
        Assert.Empty((await owner.GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/properties")).EnumerateArray());
    }

    [Fact]
    public async Task AnIntegrationBodyGivingAKeyTwiceIsAFieldError()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        factory.Nuki.State.AddAccount(token);

        using var response = await owner.SendJsonAsync(HttpMethod.Post, "/v1/integrations/nuki", $"{{\"name\":\"Nuki\",\"token\":\"{token}\",\"token\":\"other\"}}");

        await FieldErrorAsync(response, "token");
    }

    [Fact]
    public async Task AGuestGivingAKeyTwiceIsAFieldError()
    {
        var (owner, _, _, bookingId, _) = await ArrangeAsync(factory);
        var code = (await (await owner.GetAsync($"/v1/bookings/{bookingId}")).ReadSuccessAsync()).GetProperty("checkin_code").GetString();
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.SendJsonAsync(HttpMethod.Post, $"/v1/checkin/{code}/guests", "{\"first_name\":\"Ana\",\"first_name\":\"Eva\"}");

        await FieldErrorAsync(response, "first_name");
    }
}
