using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kasify.Api.Tests.Identity;

/// <summary>Steps most API tests start with.</summary>
internal static class ApiClientExtensions
{
    /// <summary>Registers the client's identity and returns the user's id.</summary>
    public static async Task<Guid> RegisterAsync(this HttpClient client)
    {
        using var response = await client.PostAsync("/v1/auth/register", null);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"register answered {response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Creates a property with the minimum valid body (plus <paramref name="extra"/>) and returns its JSON.</summary>
    public static async Task<JsonElement> CreatePropertyAsync(this HttpClient client, string name = "Casa Azul", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["address"] = "Calle Mayor 1", ["city"] = "Madrid", ["zip_code"] = "28013" };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        using var response = await client.PostAsJsonAsync("/v1/properties", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates a booking on the property with <paramref name="body"/> and returns its JSON.</summary>
    public static async Task<JsonElement> CreateBookingAsync(this HttpClient client, Guid propertyId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/v1/properties/{propertyId}/bookings", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create booking answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
