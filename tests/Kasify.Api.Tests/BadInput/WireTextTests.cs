using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using static Kasify.Api.Tests.BadInput.BadInputRequests;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// Text on the wire is text: control characters (C0, DEL, C1) are refused everywhere except tab and line breaks in free
/// text, and lone surrogates and invalid UTF-8 everywhere, each as a field error, never as a failure.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WireTextTests(KasifyApiFactory factory)
{
    [Theory]
    [InlineData("nuki", "token")]
    [InlineData("unifi", "api_token")]
    public async Task ANulInASecretIsAFieldError(string type, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var json = type == "nuki"
            ? "{\"name\":\"Nuki\",\"token\":\"a\\u0000b\"}"
            : $"{{\"name\":\"Building\",\"url\":\"{factory.UniFi.BaseUrl}\",\"api_token\":\"a\\u0000b\",\"certificate_sha256\":\"{factory.UniFi.CertificateFingerprint}\"}}";

        using var response = await owner.SendJsonAsync(HttpMethod.Post, $"/v1/integrations/{type}", json);

        await FieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("{\"accessLevel\":\"\\ud800\"}", "accessLevel")]
    [InlineData("{\"service\":\"\\ud800\"}", "service")]
    [InlineData("{\"service\":\"pool\\udc00\"}", "service")]
    public async Task ALoneSurrogateInACrewUpdateIsAFieldError(string json, string field)
    {
        var (owner, propertyId, contractorId, _, _) = await ArrangeAsync(factory);

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, $"/v1/properties/{propertyId}/crew/{contractorId}", json);

        await FieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("accessLevel")]
    [InlineData("service")]
    public async Task InvalidUtf8InACrewUpdateIsAFieldError(string field)
    {
        var (owner, propertyId, contractorId, _, _) = await ArrangeAsync(factory);
        byte[] body = [.. Encoding.ASCII.GetBytes($"{{\"{field}\":\"st"), 0xFF, 0xC3, .. "\"}"u8];

        using var response = await owner.SendBytesAsync(HttpMethod.Patch, $"/v1/properties/{propertyId}/crew/{contractorId}", body);

        await FieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("POST", "/v1/properties", "{\"name\":\"a\\u0000b\",\"address\":\"Calle Mayor 1\",\"city\":\"Madrid\",\"zip_code\":\"28013\"}", "name")]
    [InlineData("POST", "/v1/properties", "{\"name\":\"Casa\",\"address\":\"Calle\\u001bMayor 1\",\"city\":\"Madrid\",\"zip_code\":\"28013\"}", "address")]
    [InlineData("PATCH", "/v1/properties/{property}", "{\"name\":\"Casa\\u0085Azul\"}", "name")]
    [InlineData("POST", "/v1/account/tokens", "{\"name\":\"ci\\u007f\"}", "name")]
    [InlineData("PUT", "/v1/account", "{\"first_name\":\"Ana\\tMaria\",\"locale\":\"en\"}", "first_name")]
    [InlineData("POST", "/v1/properties/{property}/bookings", "{\"from\":\"2032-01-01\",\"to\":\"2032-01-03\",\"channel_id\":\"HM\\u0000X\"}", "channel_id")]
    [InlineData("PATCH", "/v1/bookings/{booking}", "{\"guest_first_name\":\"Ana\\nMaria\"}", "guest_first_name")]
    [InlineData("POST", "/v1/properties/{property}/invitations", "{\"accessLevel\":\"staff\",\"email\":\"a\\u0000@example.org\"}", "email")]
    public async Task ControlCharactersInNamesCodesAndIdsAreRefused(string method, string url, string json, string field)
    {
        var (owner, propertyId, _, bookingId, _) = await ArrangeAsync(factory);
        var path = url.Replace("{property}", propertyId.ToString(), StringComparison.Ordinal).Replace("{booking}", bookingId.ToString(), StringComparison.Ordinal);

        using var response = await owner.SendJsonAsync(new HttpMethod(method), path, json, method == "PATCH" ? "application/merge-patch+json" : "application/json");

        await FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task FreeTextKeepsTabsAndLineBreaks()
    {
        var (owner, _, _, bookingId, taskId) = await ArrangeAsync(factory);
        const string Notes = "Door code:\t1234\r\nLeave keys\nin the box";

        using var booking = await owner.PatchAsJsonAsync($"/v1/bookings/{bookingId}", new { notes = Notes, special_requests = "Cot\nHigh chair" });
        using var task = await owner.PatchAsJsonAsync($"/v1/tasks/{taskId}", new { notes = Notes, job_report = "Done:\n- tap\n- shower" });

        Assert.Equal(Notes, (await booking.ReadSuccessAsync()).GetProperty("notes").GetString());
        Assert.Equal(Notes, (await task.ReadSuccessAsync()).GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData("booking", "{\"notes\":\"a\\u0000b\"}", "notes")]
    [InlineData("booking", "{\"special_requests\":\"lone\\rreturn\"}", "special_requests")]
    [InlineData("task", "{\"job_report\":\"a\\u0007b\"}", "job_report")]
    [InlineData("task", "{\"notes\":\"a\\u009bb\"}", "notes")]
    [InlineData("task", "{\"notes\":\"\\ud83d\"}", "notes")]
    public async Task FreeTextRefusesOtherControlCharactersAndLoneSurrogates(string target, string json, string field)
    {
        var (owner, _, _, bookingId, taskId) = await ArrangeAsync(factory);
        var url = target == "booking" ? $"/v1/bookings/{bookingId}" : $"/v1/tasks/{taskId}";

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, url, json, "application/merge-patch+json");

        await FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task TextOutsideTheBasicPlaneIsKept()
    {
        var (owner, _, _, bookingId, _) = await ArrangeAsync(factory);

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, $"/v1/bookings/{bookingId}", "{\"notes\":\"Bienvenidos \\ud83c\\udfe1 señora Müller\"}", "application/merge-patch+json");

        Assert.Equal("Bienvenidos \U0001F3E1 señora Müller", (await response.ReadSuccessAsync()).GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData("/v1/bookings?query=a%00b", "query")]
    [InlineData("/v1/bookings?query=a%C2%85b", "query")]
    [InlineData("/v1/guests?query=%ED%A0%80", "query")]
    [InlineData("/v1/tasks?status=pending%FF", "status")]
    [InlineData("/v1/geo/countries?q=Espa%F1a", "q")]
    public async Task QueryParametersWithControlCharactersOrInvalidUtf8AreFieldErrors(string url, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.GetAsync(url);

        await FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task AQueryParameterWithAccentsAndSpacesIsText()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync("/v1/geo/countries?q=Espa%C3%B1a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ES", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
