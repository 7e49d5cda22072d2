using System.Text.Json.Nodes;

namespace Kasify.Load;

/// <summary>Setup calls several modes make through the public API, as a host would.</summary>
internal static class SetupSteps
{
    /// <summary>
    /// Connects the account to Nuki with <paramref name="nukiToken"/> and answers the integration id. An account has one
    /// integration per vendor, so a later run points the existing one at the token (the fake forgets its accounts on
    /// restart, and another mode may have used another token).
    /// </summary>
    public static async Task<string> ConnectNukiAsync(KasifyApi api, string nukiToken)
    {
        var created = await api.CreateNukiIntegrationAsync("Load test", nukiToken);
        if (created.Status == 201)
        {
            return created.Text("id");
        }

        created.Expect("connect Nuki", 409);
        var integrations = (await api.ListIntegrationsAsync()).Expect("list integrations", 200);
        var nuki = integrations.Body?["integrations"]?.AsArray().FirstOrDefault(item => item?["type"]?.GetValue<string>() == "nuki")
            ?? throw new InvalidOperationException($"connect Nuki answered 409 but no Nuki integration is listed: {created.Body?.ToJsonString()}");
        var integrationId = nuki["id"]!.GetValue<string>();
        await RetryAsync(() => api.UpdateNukiIntegrationAsync(integrationId, "Load test", nukiToken), "point the Nuki integration at the token", 200);
        return integrationId;
    }

    /// <summary>
    /// Assigns a lock of the integration's listing (<c>GET /integrations/nuki/{id}/smartlocks</c>) to the property; a lock
    /// still assigned to another property of the account is unassigned there first.
    /// </summary>
    public static async Task<AssignedLock> AssignLockAsync(KasifyApi api, string propertyId, string integrationId, JsonNode smartlock)
    {
        var smartlockId = smartlock["smartlock_id"]!.GetValue<long>();
        if (smartlock["assigned_property"] is { } assigned)
        {
            var otherProperty = assigned["property_id"]!.GetValue<string>();
            Console.WriteLine($"setup: lock {smartlockId} is assigned to property {otherProperty} ({assigned["property_name"]}); unassigning it");
            await RetryAsync(
                () => api.UnassignSmartlockAsync(otherProperty, assigned["smartlock_record_id"]!.GetValue<string>()), $"unassign lock {smartlockId}", 204);
        }

        var record = await RetryAsync(() => api.AssignSmartlockAsync(propertyId, integrationId, smartlockId), $"assign lock {smartlockId}", 201);
        return new AssignedLock(
            Guid.Parse(record.Text("id")),
            smartlockId,
            smartlock["name"]?.GetValue<string>() ?? "",
            smartlock["offline"]?.GetValue<bool>() ?? false);
    }

    /// <summary>The integration's listing of locks, by the vendor's id.</summary>
    public static async Task<Dictionary<long, JsonNode>> ListNukiLocksAsync(KasifyApi api, string integrationId)
    {
        var listing = (await api.ListNukiSmartlocksAsync(integrationId)).Expect("list Nuki smart locks", 200);
        return (listing.Body?["smartlocks"]?.AsArray().OfType<JsonNode>() ?? []).ToDictionary(node => node["smartlock_id"]!.GetValue<long>());
    }

    /// <summary>
    /// Setup calls can meet a vendor hiccup (the fake's error rate) or a silo still starting: a 5xx or a missing answer is
    /// retried a few times; any other answer than <paramref name="expected"/> throws.
    /// </summary>
    public static async Task<ApiResponse> RetryAsync(Func<Task<ApiResponse>> call, string what, int expected)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await call();
            if (response.Status == expected || attempt == 5 || response.Status is > 0 and < 500)
            {
                return response.Expect(what, expected);
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
    }
}
