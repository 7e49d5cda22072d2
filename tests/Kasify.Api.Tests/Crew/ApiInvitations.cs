using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kasify.Api.Tests.Crew;

/// <summary>Gives a user a role on a property the way a client does: an invitation, then its accept.</summary>
internal static class ApiInvitations
{
    /// <summary>
    /// <paramref name="inviter"/> (owner or manager) invites with <paramref name="body"/> (e.g. <c>new { accessLevel = "staff",
    /// service = "cleaning" }</c>) and <paramref name="member"/> accepts; returns the invitation's token.
    /// </summary>
    public static async Task<string> JoinAsync(this HttpClient inviter, HttpClient member, Guid propertyId, object body)
    {
        using var created = await inviter.PostAsJsonAsync($"/v1/properties/{propertyId}/invitations", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"invite answered {created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var accepted = await member.PostAsync($"/v1/invitations/{token}/accept", null);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"accept answered {accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        return token;
    }
}
