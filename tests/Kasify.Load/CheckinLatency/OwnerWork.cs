using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Kasify.Load.CheckinLatency;

/// <summary>
/// What the owner does on the property while guests read their check-in: one loop adds the run's Nuki lock and removes
/// it again, another sends an email-bound invitation and revokes it (so the property stays under its limit of open
/// invitations). Each loop starts its next request when the previous one answered, until the phase ends; requests
/// under way then are awaited and counted apart.
/// </summary>
internal sealed class OwnerWork(KasifyApi api, string propertyId, string integrationId, long smartlockId)
{
    public const string AddLock = "add lock";
    public const string RemoveLock = "remove lock";
    public const string Invite = "invite (email)";
    public const string RevokeInvitation = "revoke invitation";

    private readonly ConcurrentQueue<OwnerOperation> _done = new();

    public IReadOnlyCollection<OwnerOperation> Done => _done;

    /// <summary>Kasify's id of the lock while it is assigned to the property.</summary>
    public string? AssignedRecordId { get; private set; }

    public Task RunAsync(CancellationToken phaseEnded) => Task.WhenAll(ChurnLockAsync(phaseEnded), InviteAsync(phaseEnded));

    private async Task ChurnLockAsync(CancellationToken phaseEnded)
    {
        while (!phaseEnded.IsCancellationRequested)
        {
            if (AssignedRecordId is { } recordId)
            {
                var removed = await TimeAsync(RemoveLock, () => api.UnassignSmartlockAsync(propertyId, recordId), phaseEnded);
                AssignedRecordId = removed.Status is 204 or 404 ? null : recordId;
                continue;
            }

            var added = await TimeAsync(AddLock, () => api.AssignSmartlockAsync(propertyId, integrationId, smartlockId), phaseEnded);
            // An add that timed out may still have finished in the silo: the property's list says.
            AssignedRecordId = added.Status == 201 ? added.Text("id") : await FindAssignedAsync();
        }
    }

    private async Task InviteAsync(CancellationToken phaseEnded)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var invitation = 1; !phaseEnded.IsCancellationRequested; invitation++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"load-invitee-{run}-{invitation}@example.org");
            var created = await TimeAsync(Invite, () => api.CreateInvitationAsync(propertyId, email), phaseEnded);
            if (created.Status == 201 && !phaseEnded.IsCancellationRequested)
            {
                await TimeAsync(RevokeInvitation, () => api.RevokeInvitationAsync(propertyId, created.Text("id")), phaseEnded);
            }
        }
    }

    private async Task<string?> FindAssignedAsync()
    {
        var listed = await api.ListPropertySmartlocksAsync(propertyId);
        var external = smartlockId.ToString(CultureInfo.InvariantCulture);
        return listed.Body?["smartlocks"]?.AsArray().FirstOrDefault(item => item?["external_id"]?.GetValue<string>() == external)?["id"]?.GetValue<string>();
    }

    private async Task<ApiResponse> TimeAsync(string kind, Func<Task<ApiResponse>> call, CancellationToken phaseEnded)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await call();
        _done.Enqueue(new OwnerOperation(kind, response.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, !phaseEnded.IsCancellationRequested));
        return response;
    }
}
