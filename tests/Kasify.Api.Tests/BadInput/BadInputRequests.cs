using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Calendar;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Tests.BadInput;

/// <summary>Requests with bodies written exactly as given (escapes, duplicate keys, raw bytes), and the owner they are sent as.</summary>
internal static class BadInputRequests
{
    /// <summary>Sends <paramref name="json"/> as it is written (JSON escapes such as <c>\u0000</c> stay escapes).</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string json, string mediaType = "application/json") =>
        client.SendBytesAsync(method, url, Encoding.UTF8.GetBytes(json), mediaType);

    /// <summary>Sends <paramref name="body"/> byte for byte.</summary>
    public static async Task<HttpResponseMessage> SendBytesAsync(this HttpClient client, HttpMethod method, string url, byte[] body, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.SendAsync(request);
    }

    /// <summary>The messages of a validation problem's field, after checking it is a 400 <c>validation.failed</c> naming that field.</summary>
    public static async Task<string[]> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(
            problem.GetProperty("errors").TryGetProperty(field, out var messages),
            $"No error for '{field}' in {problem.GetProperty("errors").GetRawText()}");
        return [.. messages.EnumerateArray().Select(message => message.GetString()!)];
    }

    /// <summary>A registered owner with a property whose crew has a contractor, and a booking and a task on it.</summary>
    public static async Task<(HttpClient Owner, Guid PropertyId, Guid ContractorId, Guid BookingId, Guid TaskId)> ArrangeAsync(KasifyApiFactory factory)
    {
        var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var contractorClient = factory.CreateAuthenticatedClient();
        var contractorId = await contractorClient.RegisterAsync();
        var propertyId = await factory.CreatePropertyWithCrewAsync(ownerId, "Casa Rara", "Europe/Madrid", (contractorId, AccessLevel.Contractor));
        var booking = await owner.CreateBookingAsync(propertyId, new { from = "2031-03-01", to = "2031-03-04", guest_first_name = "Ana" });
        using var task = await owner.PostAsync("/v1/tasks", JsonContent(new
        {
            property_id = propertyId,
            task_type = "maintenance",
            from = "2031-03-02T09:00:00+01:00",
            to = "2031-03-02T11:00:00+01:00",
            assigned_to = contractorId,
        }));
        var taskId = (await task.ReadSuccessAsync()).GetProperty("id").GetGuid();
        return (owner, propertyId, contractorId, booking.GetProperty("id").GetGuid(), taskId);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
