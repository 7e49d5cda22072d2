using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kasify.Load;

/// <summary>
/// The Kasify API calls the load modes make, under <c>/v1</c>; every call answers an <see cref="ApiResponse"/>. With a
/// <paramref name="token"/> each request carries it, so several users can share one client; otherwise the client's
/// default header applies.
/// </summary>
internal sealed class KasifyApi(HttpClient http, string? token = null)
{
    public Task<ApiResponse> RegisterAsync() => SendAsync(HttpMethod.Post, "/v1/auth/register");

    public Task<ApiResponse> CreateNukiIntegrationAsync(string name, string nukiToken) =>
        SendAsync(HttpMethod.Post, "/v1/integrations/nuki", new JsonObject { ["name"] = name, ["token"] = nukiToken });

    public Task<ApiResponse> UpdateNukiIntegrationAsync(string integrationId, string name, string nukiToken) =>
        SendAsync(HttpMethod.Put, $"/v1/integrations/nuki/{integrationId}", new JsonObject { ["name"] = name, ["token"] = nukiToken });

    public Task<ApiResponse> ListIntegrationsAsync() => SendAsync(HttpMethod.Get, "/v1/integrations");

    public Task<ApiResponse> ListNukiSmartlocksAsync(string integrationId) =>
        SendAsync(HttpMethod.Get, $"/v1/integrations/nuki/{integrationId}/smartlocks");

    public Task<ApiResponse> CreatePropertyAsync(string name) => SendAsync(HttpMethod.Post, "/v1/properties", new JsonObject
    {
        ["name"] = name,
        ["address"] = "Calle Mayor 1",
        ["city"] = "Madrid",
        ["zip_code"] = "28013",
        ["country_code"] = "ES",
    });

    public Task<ApiResponse> DeletePropertyAsync(string propertyId) => SendAsync(HttpMethod.Delete, $"/v1/properties/{propertyId}");

    public Task<ApiResponse> AssignSmartlockAsync(string propertyId, string integrationId, long smartlockId) =>
        SendAsync(HttpMethod.Post, $"/v1/properties/{propertyId}/smartlocks", new JsonObject
        {
            ["integration_id"] = integrationId,
            ["smartlock_id"] = smartlockId,
        });

    public Task<ApiResponse> ListPropertySmartlocksAsync(string propertyId) => SendAsync(HttpMethod.Get, $"/v1/properties/{propertyId}/smartlocks");

    public Task<ApiResponse> UnassignSmartlockAsync(string propertyId, string smartlockRecordId) =>
        SendAsync(HttpMethod.Delete, $"/v1/properties/{propertyId}/smartlocks/{smartlockRecordId}");

    public Task<ApiResponse> CreateBookingAsync(string propertyId, DateOnly from, DateOnly to) =>
        SendAsync(HttpMethod.Post, $"/v1/properties/{propertyId}/bookings", new JsonObject
        {
            ["from"] = Day(from),
            ["to"] = Day(to),
            ["channel"] = "manual",
            ["adults_count"] = 1,
            ["guest_first_name"] = "Load",
        });

    public Task<ApiResponse> MoveBookingAsync(Guid bookingId, DateOnly from, DateOnly to) =>
        SendAsync(HttpMethod.Patch, $"/v1/bookings/{bookingId}", new JsonObject
        {
            ["from"] = Day(from),
            ["to"] = Day(to),
        }, "application/merge-patch+json");

    public Task<ApiResponse> CreateAccessCodesAsync(Guid bookingId) => SendAsync(HttpMethod.Post, $"/v1/bookings/{bookingId}/accesscode");

    public Task<ApiResponse> GetAccessCodesAsync(Guid bookingId) => SendAsync(HttpMethod.Get, $"/v1/bookings/{bookingId}/accesscode");

    public Task<ApiResponse> RevokeAccessCodeAsync(Guid bookingId, Guid codeId) =>
        SendAsync(HttpMethod.Delete, $"/v1/bookings/{bookingId}/accesscode/{codeId}");

    /// <summary>An email-bound staff invitation (cleaning), which makes the silo send the invitation email.</summary>
    public Task<ApiResponse> CreateInvitationAsync(string propertyId, string email) =>
        SendAsync(HttpMethod.Post, $"/v1/properties/{propertyId}/invitations", new JsonObject
        {
            ["email"] = email,
            ["accessLevel"] = "staff",
            ["service"] = "cleaning",
        });

    public Task<ApiResponse> RevokeInvitationAsync(string propertyId, string invitationId) =>
        SendAsync(HttpMethod.Delete, $"/v1/properties/{propertyId}/invitations/{invitationId}");

    /// <summary>Sends one request; a transport failure or timeout is status 0, not an exception.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType);
        }

        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true
                ? JsonNode.Parse(text)
                : null;
            return new ApiResponse((int)response.StatusCode, json);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new ApiResponse(0, null);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
