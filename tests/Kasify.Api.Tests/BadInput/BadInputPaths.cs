using System.Globalization;
using Kasify.Api.Tests.Roles;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// Values for the path parameters of every operation, taken from the role matrix arrangement so that each path names
/// something the owner has. Operations that delete, start or complete get fresh resources of their own, so the sweep
/// does not take away what the other operations use.
/// </summary>
internal sealed class BadInputPaths(RoleMatrixArrangement arrangement)
{
    /// <summary>The value of every path parameter of <paramref name="operation"/>, unescaped.</summary>
    public async Task<Dictionary<string, string>> ForAsync(DocumentedOperation operation, string? integrationSlug)
    {
        var template = operation.Template;
        var deletes = operation.Method == "DELETE";
        var values = new Dictionary<string, string>();
        if (template.Contains("{smartlockId}", StringComparison.Ordinal))
        {
            var (propertyId, smartLockId) = await arrangement.FreshPropertyWithLockAsync();
            values["id"] = Text(propertyId);
            values["smartlockId"] = Text(smartLockId);
        }
        else if (template.Contains("{invitationId}", StringComparison.Ordinal))
        {
            var (propertyId, invitationId, _) = await arrangement.FreshInvitationAsync();
            values["id"] = Text(propertyId);
            values["invitationId"] = Text(invitationId);
        }
        else if (template.StartsWith("/v1/invitations/{token}", StringComparison.Ordinal))
        {
            values["token"] = (await arrangement.FreshInvitationAsync()).Token;
        }
        else if (template.StartsWith("/v1/tasks/public/", StringComparison.Ordinal))
        {
            values["token"] = arrangement.CleaningTaskToken;
        }
        else if (template.StartsWith("/v1/account/tokens/", StringComparison.Ordinal))
        {
            values["id"] = Text(await arrangement.FreshOwnerTokenAsync());
        }
        else if (template.StartsWith("/v1/tasks/{id}", StringComparison.Ordinal))
        {
            values["id"] = Text(deletes || template.EndsWith("/start", StringComparison.Ordinal) || template.EndsWith("/complete", StringComparison.Ordinal)
                ? await arrangement.FreshTaskAsync(started: template.EndsWith("/complete", StringComparison.Ordinal))
                : arrangement.CleaningTaskId);
        }
        else if (template.StartsWith("/v1/bookings/{id}", StringComparison.Ordinal))
        {
            values["id"] = Text(arrangement.BookingId);
        }
        else if (template.StartsWith("/v1/checkin/{code}", StringComparison.Ordinal))
        {
            values["code"] = arrangement.CheckinCode;
            values["guestId"] = Text(arrangement.GuestId);
        }
        else if (template.StartsWith("/v1/integrations/", StringComparison.Ordinal))
        {
            var slug = integrationSlug ?? (template.StartsWith("/v1/integrations/unifi/", StringComparison.Ordinal) ? "unifi" : "nuki");
            values["integration"] = slug;
            values["id"] = Text(slug switch
            {
                "nuki" => arrangement.NukiIntegrationId,
                "unifi" => arrangement.UnifiIntegrationId,
                _ => Guid.NewGuid(),
            });
        }
        else if (template.StartsWith("/v1/properties/{id}", StringComparison.Ordinal))
        {
            values["id"] = Text(deletes ? await arrangement.FreshPropertyAsync() : arrangement.PropertyId);
            values["userId"] = Text(arrangement.UserId(deletes ? Caller.Staff : Caller.Contractor));
        }

        values.TryAdd("code_id", Text(Guid.NewGuid()));
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.InPath))
        {
            values.TryAdd(parameter.Name, WireSchemas.Format(parameter.Schema) == "uuid" ? Text(Guid.NewGuid()) : "fuzz");
        }

        return values;
    }

    private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
