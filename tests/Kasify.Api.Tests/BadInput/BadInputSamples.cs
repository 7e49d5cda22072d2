using System.Globalization;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Api.Tests.Roles;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// Valid values to start each bad-input case from: a body the arrangement makes meaningful where the schema is known
/// (so a refusal is the bad field's doing), otherwise one built from the schema alone.
/// </summary>
internal sealed class BadInputSamples(RoleMatrixArrangement arrangement, WireSchemas schemas)
{
    private int _bookings;

    /// <summary>The integration type (path slug) whose body each integration schema is.</summary>
    public static string? IntegrationSlug(string? schemaName) => schemaName switch
    {
        "NukiIntegrationRequest" => "nuki",
        "UnifiIntegrationRequest" => "unifi",
        "SesHospedajesIntegrationRequest" => "ses_hospedajes",
        _ => null,
    };

    /// <summary>A valid body of <paramref name="body"/>'s schema, field by field as raw JSON.</summary>
    public List<(string Name, byte[] Value)> Body(DocumentedBody body)
    {
        var known = Known(body.SchemaName);
        if (known is not null)
        {
            return [.. JsonSerializer.SerializeToElement(known).EnumerateObject().Select(field => (field.Name, RawJson.Text(field.Value.GetRawText())))];
        }

        return [.. schemas.Properties(body.Schema).Select(field => (field.Name, Value(field.Schema)))];
    }

    /// <summary>A valid-looking value of a schema with nothing else known about it.</summary>
    public static byte[] Value(JsonElement schema)
    {
        var tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1);
        return WireSchemas.Kind(schema) switch
        {
            "enum" => RawJson.Text(schema.GetProperty("enum").EnumerateArray().First(value => value.ValueKind != JsonValueKind.Null).GetRawText()),
            "integer" or "number" => RawJson.Text("1"),
            "boolean" => RawJson.Text("true"),
            "object" => RawJson.Text("{}"),
            "array" => RawJson.Text("[]"),
            "string" => WireSchemas.Format(schema) switch
            {
                "date" => RawJson.String(tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "date-time" => RawJson.String(tomorrow.ToString("yyyy-MM-dd'T'09:00:00'Z'", CultureInfo.InvariantCulture)),
                "uuid" => RawJson.String("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
                "time" => RawJson.String("10:00"),
                "uri" => RawJson.String("https://example.org/calendar.ics"),
                _ => RawJson.String("fuzz"),
            },
            _ => RawJson.Text("null"),
        };
    }

    private object? Known(string? schemaName)
    {
        var tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1);
        return schemaName switch
        {
            "RegisterRequest" => new { locale = "en" },
            "UpdateAccountRequest" => new { email = arrangement.Email(Caller.Owner), first_name = "Owner", last_name = "Matrix", locale = "en" },
            "CreateAccessTokenRequest" => new { name = "fuzz", expires_at = tomorrow.AddDays(30) },
            "PropertyRequest" => new { name = "Fuzz House", address = "Calle Mayor 1", city = "Madrid", zip_code = "28013", time_zone = RoleMatrixArrangement.Zone },
            "PropertyPatchRequest" => new { rooms_count = 3 },
            "BookingRequest" => NextBooking(),
            "BookingPatchRequest" => new { notes = arrangement.BookingNotes },
            "GuestRegistrationRequest" => arrangement.Guest("Fuzzina"),
            "NukiIntegrationRequest" => new { name = "Nuki", token = arrangement.NukiToken },
            "UnifiIntegrationRequest" => ApiLocks.UnifiBody(arrangement.Cluster, Kasify.Fakes.UniFi.UniFiFakeSeed.Token),
            "SesHospedajesIntegrationRequest" => new { arrendador_code = "0000123456", username = "B12345678WS", password = "Kasify-Demo-2025", environment = "test" },
            "AddSmartLockRequest" => new { integration_id = arrangement.NukiIntegrationId, smartlock_id = arrangement.FreshNukiLock() },
            "CreateInvitationRequest" => new { accessLevel = "staff", service = "cleaning", locale = "en" },
            "UpdateCrewMemberRequest" => new { service = "pool" },
            "TaskRequest" => CleaningTask(),
            "TaskPatchRequest" => new { job_report = "Linen changed" },
            "CompleteTaskRequest" => new { job_report = "Done" },
            _ => null,
        };
    }

    // A cleaning task, since those also describe the next stay, which reads the task's window once more.
    private Dictionary<string, object?> CleaningTask()
    {
        var body = JsonSerializer.SerializeToElement(arrangement.TaskBody(arrangement.PropertyId, Caller.Staff))
            .EnumerateObject()
            .ToDictionary(field => field.Name, field => (object?)field.Value);
        body["task_type"] = "cleaning";
        return body;
    }

    // Stays far ahead of the arrangement's, each after the last, so a valid body books rather than overlaps.
    private object NextBooking()
    {
        var from = ApiResponses.Today(RoleMatrixArrangement.Zone).AddDays(400 + (3 * Interlocked.Increment(ref _bookings)));
        return new { from = ApiResponses.Day(from), to = ApiResponses.Day(from.AddDays(2)), guest_first_name = "Fuzz", guest_last_name = "Tester", adults_count = 2 };
    }
}
