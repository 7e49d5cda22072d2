using System.Net.Http.Json;
using System.Text;
using static Kasify.Api.Tests.Roles.RoleMatrixArrangement;

namespace Kasify.Api.Tests.Roles;

/// <summary>
/// The role matrix: every endpoint, and what each caller gets from it, after the reference's "Roles and permissions"
/// table (DESIGN.md section 4). Owners see and do everything; managers everything but owner-only data (iCal URLs, the
/// default cleaner) and deleting the property; staff read bookings without guest personal data and change nothing;
/// contractors see no bookings; a caller without a role on a property gets 404 for it, never 403; the account,
/// its tokens and its integrations are each caller's own. Anonymous callers get 401 except on the public endpoints,
/// which answer everyone alike. Adding an endpoint means adding a row (<see cref="RoleMatrixTests"/> checks the
/// OpenAPI document against this table).
/// </summary>
internal static class RoleMatrix
{
    // Fields only the owner sees on a property.
    private static readonly string[] OwnerOnly = ["airbnb_ical_url", "booking_ical_url", "default_cleaner_id"];

    // A booking's guest personal data, and the check-in code whose public page names the guests.
    private static readonly string[] GuestData = ["guest_first_name", "guest_last_name", "guest_email", "guest_phone", "notes", "special_requests", "checkin_code"];

    // Fields only the owner sees on a task.
    private static readonly string[] OwnerOnlyTaskFields = ["booking_id", "created_at", "cancelled_at"];

    private static readonly Expect Unauthenticated = new(401);
    private static readonly Expect NoTask = new(404, "task.not_found");
    private static readonly Expect NoProperty = new(404, "property.not_found");
    private static readonly Expect NoBooking = new(404, "booking.not_found");
    private static readonly Expect NoIntegration = new(404, "integration.not_found");
    private static readonly Expect NotTheOwnersProperty = new(403, "property.forbidden");
    private static readonly Expect NoBookingsForRole = new(403, "booking.forbidden");
    private static readonly Expect NoLocksForRole = new(403, "smartlock.forbidden");
    private static readonly Expect NoCodesForRole = new(403, "accesscode.forbidden");

    public static IReadOnlyList<MatrixRow> Rows { get; } = Build();

    private static List<MatrixRow> Build()
    {
        var ok = new Expect(200);
        var created = new Expect(201);
        var noContent = new Expect(204);
        var ownView = ok.Excluding(OwnerEmailMarker);

        return
        [
            // Identity and the caller's own account: everyone registered has their own; nobody sees the owner's.
            Own("POST", "/v1/auth/register", Send(HttpMethod.Post, _ => "/v1/auth/register"), ok),
            new("GET", "/v1/account", Get(_ => "/v1/account"), ok.Including(OwnerEmailMarker), ownView, ownView, ownView, ownView, Unauthenticated),
            new(
                "PUT",
                "/v1/account",
                (a, c) => Json(HttpMethod.Put, "/v1/account", new { email = a.Email(c), first_name = c.ToString(), last_name = "Matrix", locale = "en" }),
                ok.Including(OwnerEmailMarker),
                ownView,
                ownView,
                ownView,
                ownView,
                Unauthenticated),
            Own("GET", "/v1/account/tokens", Get(_ => "/v1/account/tokens"), ok),
            Own("POST", "/v1/account/tokens", (_, _) => Json(HttpMethod.Post, "/v1/account/tokens", new { name = "matrix" }), created),
            new(
                "DELETE",
                "/v1/account/tokens/{id}",
                async (a, _) => new HttpRequestMessage(HttpMethod.Delete, $"/v1/account/tokens/{await a.FreshOwnerTokenAsync()}"),
                noContent,
                new(404, "token.not_found"),
                new(404, "token.not_found"),
                new(404, "token.not_found"),
                new(404, "token.not_found"),
                Unauthenticated),
            Own("GET", "/v1/users", Get(_ => "/v1/users"), new(403, "auth.forbidden")),

            // Properties: owner-only fields are null for every other role.
            new(
                "GET",
                "/v1/properties",
                Get(_ => "/v1/properties"),
                ok.Including(PropertyMarker).Showing(OwnerOnly),
                ok.Including(PropertyMarker).Redacting(OwnerOnly),
                ok.Including(PropertyMarker).Redacting(OwnerOnly),
                ok.Including(PropertyMarker).Redacting(OwnerOnly),
                ok.Excluding(PropertyMarker),
                Unauthenticated),
            Own("POST", "/v1/properties", (_, c) => Json(HttpMethod.Post, "/v1/properties", new { name = $"{c}'s own", address = "Calle Luna 2", city = "Madrid", zip_code = "28004" }), created),
            new(
                "GET",
                "/v1/properties/{id}",
                Get(a => $"/v1/properties/{a.PropertyId}"),
                ok.Showing(OwnerOnly),
                ok.Redacting(OwnerOnly),
                ok.Redacting(OwnerOnly),
                ok.Redacting(OwnerOnly),
                NoProperty,
                Unauthenticated),
            new(
                "PUT",
                "/v1/properties/{id}",
                (a, _) => Json(HttpMethod.Put, $"/v1/properties/{a.PropertyId}", a.PropertyBody()),
                ok.Showing(OwnerOnly),
                ok.Redacting(OwnerOnly),
                NotTheOwnersProperty,
                NotTheOwnersProperty,
                NoProperty,
                Unauthenticated),
            new(
                "PATCH",
                "/v1/properties/{id}",
                (a, _) => MergePatch($"/v1/properties/{a.PropertyId}", """{"rooms_count": 3}"""),
                ok.Showing(OwnerOnly),
                ok.Redacting(OwnerOnly),
                NotTheOwnersProperty,
                NotTheOwnersProperty,
                NoProperty,
                Unauthenticated),
            new(
                "DELETE",
                "/v1/properties/{id}",
                async (a, _) => new HttpRequestMessage(HttpMethod.Delete, $"/v1/properties/{await a.FreshPropertyAsync()}"),
                noContent,
                NotTheOwnersProperty,
                NotTheOwnersProperty,
                NotTheOwnersProperty,
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/properties/{id}/cover-image",
                async (a, _) => CoverImageUpload(await a.FreshPropertyAsync()),
                ok.Showing("cover_image_url"),
                ok.Showing("cover_image_url"),
                NotTheOwnersProperty,
                NotTheOwnersProperty,
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/properties/{id}/cover-image",
                Get(a => $"/v1/properties/{a.PropertyId}/cover-image"),
                ok,
                ok,
                ok,
                ok,
                new(404, "cover_image.not_found"),
                Unauthenticated),
            new(
                "DELETE",
                "/v1/properties/{id}/cover-image",
                async (a, _) => new HttpRequestMessage(HttpMethod.Delete, $"/v1/properties/{await a.FreshPropertyAsync()}/cover-image"),
                noContent,
                noContent,
                NotTheOwnersProperty,
                NotTheOwnersProperty,
                NoProperty,
                Unauthenticated),

            // Bookings: staff without guest personal data, contractors none at all.
            new(
                "POST",
                "/v1/properties/{id}/bookings",
                async (a, _) => await Json(HttpMethod.Post, $"/v1/properties/{await a.FreshPropertyAsync()}/bookings", NewBooking()),
                created.Showing(GuestData),
                created.Showing(GuestData),
                NoBookingsForRole,
                NoBookingsForRole,
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/properties/{id}/bookings",
                Get(a => $"/v1/properties/{a.PropertyId}/bookings"),
                ok.Including(BookingMarker).Showing(GuestData),
                ok.Including(BookingMarker).Showing(GuestData),
                ok.Including(BookingMarker).Redacting(GuestData).Excluding(GuestNameMarker),
                NoBookingsForRole,
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/properties/{id}/bookings/current",
                Get(a => $"/v1/properties/{a.PropertyId}/bookings/current"),
                ok.Including(BookingMarker).Showing(GuestData),
                ok.Including(BookingMarker).Showing(GuestData),
                ok.Including(BookingMarker).Redacting(GuestData).Excluding(GuestNameMarker),
                NoBookingsForRole,
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/bookings",
                Get(_ => "/v1/bookings"),
                ok.Including(BookingMarker).Showing(GuestData),
                ok.Including(BookingMarker).Showing(GuestData),
                ok.Including(BookingMarker).Redacting(GuestData).Excluding(GuestNameMarker),
                ok.Excluding(BookingMarker, PropertyMarker),
                ok.Excluding(BookingMarker, PropertyMarker),
                Unauthenticated),
            new(
                "GET",
                "/v1/bookings",
                Get(_ => "/v1/bookings?query=Rolesdottir"),
                ok.Including(BookingMarker),
                ok.Including(BookingMarker),
                ok.Excluding(BookingMarker),
                ok.Excluding(BookingMarker),
                ok.Excluding(BookingMarker),
                Unauthenticated,
                Variant: "searching by the guest's name"),
            new(
                "GET",
                "/v1/bookings/{id}",
                Get(a => $"/v1/bookings/{a.BookingId}"),
                ok.Showing(GuestData),
                ok.Showing(GuestData),
                ok.Including(BookingMarker).Redacting(GuestData).Excluding(GuestNameMarker),
                NoBookingsForRole,
                NoBooking,
                Unauthenticated),
            new(
                "PATCH",
                "/v1/bookings/{id}",
                (a, _) => MergePatch($"/v1/bookings/{a.BookingId}", $$"""{"notes": "{{a.BookingNotes}}"}"""),
                ok.Showing(GuestData),
                ok.Showing(GuestData),
                NoBookingsForRole,
                NoBookingsForRole,
                NoBooking,
                Unauthenticated),

            // Calendar, timeline and guests fan out over the caller's properties; each property applies the role.
            new(
                "GET",
                "/v1/properties/{id}/calendar",
                Get(a => $"/v1/properties/{a.PropertyId}/calendar"),
                ok.Including(BookingMarker, CleaningTaskMarker, ContractorTaskMarker).Showing("guest_name"),
                ok.Including(BookingMarker, CleaningTaskMarker, ContractorTaskMarker).Showing("guest_name"),
                ok.Including(BookingMarker, CleaningTaskMarker).Redacting("guest_name").Excluding(GuestNameMarker),
                ok.Including(ContractorTaskMarker).Excluding(BookingMarker, CleaningTaskMarker),
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/calendar",
                Get(_ => "/v1/calendar"),
                ok.Including(BookingMarker).Showing("guest_name"),
                ok.Including(BookingMarker).Showing("guest_name"),
                ok.Including(BookingMarker).Redacting("guest_name").Excluding(GuestNameMarker),
                ok.Including(PropertyMarker).Excluding(BookingMarker),
                ok.Excluding(PropertyMarker, BookingMarker),
                Unauthenticated),
            new(
                "GET",
                "/v1/timeline/upcoming",
                Get(_ => "/v1/timeline/upcoming"),
                ok.Including(BookingMarker, CleaningTaskMarker, ContractorTaskMarker).Showing("guest_name"),
                ok.Including(BookingMarker, CleaningTaskMarker, ContractorTaskMarker).Showing("guest_name"),
                ok.Including(BookingMarker, CleaningTaskMarker).Redacting("guest_name").Excluding(GuestNameMarker),
                ok.Including(ContractorTaskMarker).Excluding(BookingMarker, CleaningTaskMarker),
                ok.Excluding(PropertyMarker, BookingMarker),
                Unauthenticated),
            new(
                "GET",
                "/v1/timeline/activity",
                Get(_ => "/v1/timeline/activity"),
                ok.Including(BookingMarker).Excluding(GuestNameMarker),
                ok.Including(BookingMarker).Excluding(GuestNameMarker),
                ok.Including(BookingMarker).Excluding(GuestNameMarker),
                ok.Excluding(BookingMarker),
                ok.Excluding(PropertyMarker, BookingMarker),
                Unauthenticated),
            new(
                "GET",
                "/v1/guests",
                Get(_ => "/v1/guests"),
                ok.Including(GuestMarker),
                ok.Including(GuestMarker),
                ok.Excluding(GuestMarker),
                ok.Excluding(GuestMarker),
                ok.Excluding(GuestMarker),
                Unauthenticated),

            // The guests' public check-in: the code is the credential, whoever calls.
            Public("GET", "/v1/checkin/{code}", Get(a => $"/v1/checkin/{a.CheckinCode}"), ok.Including(GuestMarker)),
            Public("POST", "/v1/checkin/{code}/guests", (a, c) => Json(HttpMethod.Post, $"/v1/checkin/{a.CheckinCode}/guests", a.Guest($"Guest{c}")), created),
            Public(
                "PUT",
                "/v1/checkin/{code}/guests/{guestId}",
                (a, _) => Json(HttpMethod.Put, $"/v1/checkin/{a.CheckinCode}/guests/{a.GuestId}", a.Guest("Guestina")),
                ok.Including(GuestMarker)),

            // Integrations are the account's: only the owner's view holds the owner's.
            new(
                "GET",
                "/v1/integrations",
                Get(_ => "/v1/integrations"),
                ok.Including(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                Unauthenticated),
            new(
                "GET",
                "/v1/integrations/{integration}",
                Get(_ => "/v1/integrations/nuki"),
                ok.Including(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                ok.Excluding(IntegrationMarker),
                Unauthenticated),
            new(
                "POST",
                "/v1/integrations/{integration}",
                (a, _) => Json(HttpMethod.Post, "/v1/integrations/unifi", Integrations.ApiLocks.UnifiBody(a.Cluster, Kasify.Fakes.UniFi.UniFiFakeSeed.Token)),
                new(409, "integration.exists"),
                created,
                created,
                created,
                created,
                Unauthenticated),
            new(
                "PUT",
                "/v1/integrations/{integration}/{id}",
                (a, _) => Json(HttpMethod.Put, $"/v1/integrations/nuki/{a.NukiIntegrationId}", new { name = "Nuki", token = a.NukiToken }),
                ok,
                NoIntegration,
                NoIntegration,
                NoIntegration,
                NoIntegration,
                Unauthenticated),
            new(
                "DELETE",
                "/v1/integrations/{integration}/{id}",
                (a, _) => Send(HttpMethod.Delete, $"/v1/integrations/nuki/{a.NukiIntegrationId}"),
                new(409, "integration.in_use"),
                NoIntegration,
                NoIntegration,
                NoIntegration,
                NoIntegration,
                Unauthenticated),
            new(
                "GET",
                "/v1/integrations/nuki/{id}/smartlocks",
                Get(a => $"/v1/integrations/nuki/{a.NukiIntegrationId}/smartlocks"),
                ok.Including(PropertyMarker),
                NoIntegration,
                NoIntegration,
                NoIntegration,
                NoIntegration,
                Unauthenticated),
            new(
                "GET",
                "/v1/integrations/unifi/{id}/smartlocks",
                Get(a => $"/v1/integrations/unifi/{a.UnifiIntegrationId}/smartlocks"),
                ok,
                NoIntegration,
                NoIntegration,
                NoIntegration,
                NoIntegration,
                Unauthenticated),

            // Channel calendars: owners and managers only.
            new(
                "GET",
                "/v1/properties/{id}/calendars",
                Get(a => $"/v1/properties/{a.PropertyId}/calendars"),
                ok,
                ok,
                new(403, "calendar.forbidden"),
                new(403, "calendar.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/properties/{id}/calendars/{channel}/sync",
                Send(HttpMethod.Post, a => $"/v1/properties/{a.PropertyId}/calendars/airbnb/sync"),
                ok,
                ok,
                new(403, "calendar.forbidden"),
                new(403, "calendar.forbidden"),
                NoProperty,
                Unauthenticated),

            new(
                "POST",
                "/v1/properties/{id}/calendars",
                async (a, _) => await Json(
                    HttpMethod.Post, $"/v1/properties/{a.PropertyId}/calendars", new { url = $"https://www.vrbo.example/ical/{Guid.NewGuid():N}.ics", channel = "vrbo" }),
                created,
                created,
                new(403, "calendar.forbidden"),
                new(403, "calendar.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "PATCH",
                "/v1/properties/{id}/calendars/{calendarId}",
                async (a, _) => await Json(HttpMethod.Patch, $"/v1/properties/{a.PropertyId}/calendars/airbnb", new { reading = "auto" }),
                ok,
                ok,
                new(403, "calendar.forbidden"),
                new(403, "calendar.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "DELETE",
                "/v1/properties/{id}/calendars/{calendarId}",
                Send(HttpMethod.Delete, a => $"/v1/properties/{a.PropertyId}/calendars/airbnb"),
                new(409, "calendar.from_property"),
                new(409, "calendar.from_property"),
                new(403, "calendar.forbidden"),
                new(403, "calendar.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/properties/{id}/channels",
                Get(a => $"/v1/properties/{a.PropertyId}/channels"),
                ok,
                ok,
                new(403, "calendar.forbidden"),
                new(403, "calendar.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/properties/{id}/channels/export-token",
                Send(HttpMethod.Post, a => $"/v1/properties/{a.PropertyId}/channels/export-token"),
                ok,
                ok,
                new(403, "calendar.forbidden"),
                new(403, "calendar.forbidden"),
                NoProperty,
                Unauthenticated),
            Public("GET", "/v1/calendars/{token}.ics", Get(_ => "/v1/calendars/unknown-token-00000000.ics"), new(404, "calendar.not_found")),

            // Smart locks and access codes: owners and managers only.
            new(
                "GET",
                "/v1/properties/{id}/smartlocks",
                Get(a => $"/v1/properties/{a.PropertyId}/smartlocks"),
                ok.Showing("external_id"),
                ok.Showing("external_id"),
                NoLocksForRole,
                NoLocksForRole,
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/properties/{id}/smartlocks",
                async (a, _) => await Json(
                    HttpMethod.Post, $"/v1/properties/{await a.FreshPropertyAsync()}/smartlocks", new { integration_id = a.NukiIntegrationId, smartlock_id = a.FreshNukiLock() }),
                created,
                created,
                NoLocksForRole,
                NoLocksForRole,
                NoProperty,
                Unauthenticated),
            new(
                "DELETE",
                "/v1/properties/{id}/smartlocks/{smartlockId}",
                async (a, _) =>
                {
                    var (propertyId, smartLockId) = await a.FreshPropertyWithLockAsync();
                    return await Send(HttpMethod.Delete, $"/v1/properties/{propertyId}/smartlocks/{smartLockId}");
                },
                noContent,
                noContent,
                NoLocksForRole,
                NoLocksForRole,
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/bookings/{id}/accesscode",
                (a, _) => Send(HttpMethod.Post, $"/v1/bookings/{a.BookingId}/accesscode"),
                ok.Showing("code"),
                ok.Showing("code"),
                NoCodesForRole,
                NoCodesForRole,
                NoBooking,
                Unauthenticated),
            // Arrival readiness: the matrix booking arrived yesterday, so every member learns it has no upcoming arrival to check.
            new(
                "GET",
                "/v1/bookings/{id}/readiness",
                Get(a => $"/v1/bookings/{a.BookingId}/readiness"),
                new(404, "readiness.not_found"),
                new(404, "readiness.not_found"),
                new(404, "readiness.not_found"),
                new(404, "readiness.not_found"),
                NoBooking,
                Unauthenticated),
            new(
                "GET",
                "/v1/properties/{id}/readiness",
                Get(a => $"/v1/properties/{a.PropertyId}/readiness?days=7"),
                ok,
                ok,
                ok,
                ok,
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/bookings/{id}/accesscode",
                Get(a => $"/v1/bookings/{a.BookingId}/accesscode"),
                ok.Showing("code"),
                ok.Showing("code"),
                NoCodesForRole,
                NoCodesForRole,
                NoBooking,
                Unauthenticated),
            new(
                "DELETE",
                "/v1/bookings/{id}/accesscode/{code_id}",
                (a, _) => Send(HttpMethod.Delete, $"/v1/bookings/{a.BookingId}/accesscode/{Guid.NewGuid()}"),
                new(404, "accesscode.not_found"),
                new(404, "accesscode.not_found"),
                NoCodesForRole,
                NoCodesForRole,
                NoBooking,
                Unauthenticated),
            new(
                "POST",
                "/v1/bookings/{id}/accesscode/{code_id}/rotate",
                (a, _) => Send(HttpMethod.Post, $"/v1/bookings/{a.BookingId}/accesscode/{Guid.NewGuid()}/rotate"),
                new(404, "accesscode.not_found"),
                new(404, "accesscode.not_found"),
                NoCodesForRole,
                NoCodesForRole,
                NoBooking,
                Unauthenticated),

            // The team (PropertyMembers): owners and managers manage it, only owners touch managers; members may leave.
            new(
                "GET",
                "/v1/properties/{id}/invitations",
                Get(a => $"/v1/properties/{a.PropertyId}/invitations"),
                ok,
                ok,
                new(403, "invitation.forbidden"),
                new(403, "invitation.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/properties/{id}/invitations",
                (a, _) => Json(HttpMethod.Post, $"/v1/properties/{a.PropertyId}/invitations", new { accessLevel = "staff", service = "cleaning" }),
                created.Showing("token"),
                created.Showing("token"),
                new(403, "invitation.forbidden"),
                new(403, "invitation.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/properties/{id}/invitations",
                (a, _) => Json(HttpMethod.Post, $"/v1/properties/{a.PropertyId}/invitations", new { accessLevel = "manager" }),
                created.Showing("token"),
                new(403, "invitation.forbidden"),
                new(403, "invitation.forbidden"),
                new(403, "invitation.forbidden"),
                NoProperty,
                Unauthenticated,
                Variant: "inviting a manager"),
            new(
                "DELETE",
                "/v1/properties/{id}/invitations/{invitationId}",
                async (a, _) =>
                {
                    var (propertyId, invitationId, _) = await a.FreshInvitationAsync();
                    return await Send(HttpMethod.Delete, $"/v1/properties/{propertyId}/invitations/{invitationId}");
                },
                noContent,
                noContent,
                new(403, "invitation.forbidden"),
                new(403, "invitation.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "POST",
                "/v1/invitations/{token}/accept",
                async (a, _) => await Send(HttpMethod.Post, $"/v1/invitations/{(await a.FreshInvitationAsync()).Token}/accept"),
                new(409, "invitation.owner"),
                ok,
                ok,
                ok,
                ok,
                Unauthenticated),
            new(
                "GET",
                "/v1/properties/{id}/crew",
                Get(a => $"/v1/properties/{a.PropertyId}/crew"),
                ok.Including(OwnerEmailMarker),
                ok.Including(OwnerEmailMarker),
                new(403, "crew.forbidden"),
                new(403, "crew.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "PATCH",
                "/v1/properties/{id}/crew/{userId}",
                async (a, _) => await Json(HttpMethod.Patch, $"/v1/properties/{await a.FreshPropertyAsync()}/crew/{a.UserId(Caller.Contractor)}", new { service = "pool" }),
                ok,
                ok,
                new(403, "crew.forbidden"),
                new(403, "crew.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "DELETE",
                "/v1/properties/{id}/crew/{userId}",
                async (a, _) => await Send(HttpMethod.Delete, $"/v1/properties/{await a.FreshPropertyAsync()}/crew/{a.UserId(Caller.Staff)}"),
                noContent,
                noContent,
                noContent,
                new(403, "crew.forbidden"),
                NoProperty,
                Unauthenticated,
                Variant: "removing the staff member; staff leave themselves"),

            // Tasks: owners see every field; managers and assignees the crew view without owner-only fields; staff see
            // others' tasks stripped; contractors only their own. Tasks carry no guest personal data. Without a property,
            // GET /tasks lists the caller's owned properties' tasks plus the tasks assigned to the caller (reference, SEEN).
            new(
                "GET",
                "/v1/tasks",
                Get(_ => "/v1/tasks"),
                ok.Including(CleaningTaskMarker, ContractorTaskMarker).Showing("booking_id", "created_at").Excluding(GuestNameMarker),
                ok.Excluding(CleaningTaskMarker, ContractorTaskMarker),
                ok.Including(CleaningTaskMarker).Excluding(ContractorTaskMarker, GuestNameMarker).Redacting(OwnerOnlyTaskFields),
                ok.Including(ContractorTaskMarker).Excluding(CleaningTaskMarker, GuestNameMarker).Redacting(OwnerOnlyTaskFields),
                ok.Excluding(CleaningTaskMarker, ContractorTaskMarker),
                Unauthenticated),
            new(
                "POST",
                "/v1/tasks",
                async (a, _) => await Json(HttpMethod.Post, "/v1/tasks", a.TaskBody(await a.FreshPropertyAsync(), Caller.Staff)),
                created.Showing("created_at"),
                created.Redacting(OwnerOnlyTaskFields),
                new(403, "task.forbidden"),
                new(403, "task.forbidden"),
                NoProperty,
                Unauthenticated),
            new(
                "GET",
                "/v1/tasks/{id}",
                Get(a => $"/v1/tasks/{a.CleaningTaskId}"),
                ok.Showing("booking_id", "next_booking").Excluding(GuestNameMarker),
                ok.Showing("next_booking").Redacting(OwnerOnlyTaskFields).Excluding(GuestNameMarker),
                ok.Showing("next_booking", "public_token").Redacting(OwnerOnlyTaskFields).Excluding(GuestNameMarker),
                NoTask,
                NoTask,
                Unauthenticated,
                Variant: "the staff member's cleaning task"),
            new(
                "GET",
                "/v1/tasks/{id}",
                Get(a => $"/v1/tasks/{a.ContractorTaskId}"),
                ok.Showing("notes", "public_token"),
                ok.Showing("notes", "public_token").Redacting(OwnerOnlyTaskFields),
                ok.Redacting("notes", "public_token", "assigned_to", "job_report"),
                ok.Showing("notes", "public_token").Redacting(OwnerOnlyTaskFields),
                NoTask,
                Unauthenticated,
                Variant: "the contractor's task"),
            new(
                "PATCH",
                "/v1/tasks/{id}",
                (a, _) => MergePatch($"/v1/tasks/{a.CleaningTaskId}", """{"job_report": "Linen changed"}"""),
                ok,
                ok,
                ok,
                NoTask,
                NoTask,
                Unauthenticated,
                Variant: "job_report, on the staff member's task"),
            new(
                "PATCH",
                "/v1/tasks/{id}",
                (a, _) => MergePatch($"/v1/tasks/{a.CleaningTaskId}", """{"notes": "Bring extra towels"}"""),
                ok,
                new(403, "task.forbidden"),
                new(403, "task.forbidden"),
                NoTask,
                NoTask,
                Unauthenticated,
                Variant: "notes, on the staff member's task"),
            new(
                "DELETE",
                "/v1/tasks/{id}",
                async (a, _) => await Send(HttpMethod.Delete, $"/v1/tasks/{await a.FreshTaskAsync()}"),
                noContent,
                new(403, "task.forbidden"),
                new(403, "task.forbidden"),
                NoTask,
                NoTask,
                Unauthenticated),
            new(
                "POST",
                "/v1/tasks/{id}/start",
                async (a, _) => await Send(HttpMethod.Post, $"/v1/tasks/{await a.FreshTaskAsync()}/start"),
                ok,
                new(403, "task.forbidden"),
                ok,
                NoTask,
                NoTask,
                Unauthenticated),
            new(
                "POST",
                "/v1/tasks/{id}/complete",
                async (a, _) => await Send(HttpMethod.Post, $"/v1/tasks/{await a.FreshTaskAsync(started: true)}/complete"),
                ok,
                ok,
                ok,
                NoTask,
                NoTask,
                Unauthenticated),
            new(
                "GET",
                "/v1/properties/{id}/tasks",
                Get(a => $"/v1/properties/{a.PropertyId}/tasks"),
                ok.Including(CleaningTaskMarker, ContractorTaskMarker).Showing("booking_id", "created_at").Excluding(GuestNameMarker),
                ok.Including(CleaningTaskMarker, ContractorTaskMarker).Redacting(OwnerOnlyTaskFields).Excluding(GuestNameMarker),
                ok.Including(CleaningTaskMarker, ContractorTaskMarker).Redacting(OwnerOnlyTaskFields).Excluding(GuestNameMarker),
                ok.Including(ContractorTaskMarker).Excluding(CleaningTaskMarker).Redacting(OwnerOnlyTaskFields),
                NoProperty,
                Unauthenticated),
            Public(
                "GET",
                "/v1/tasks/public/{token}",
                Get(a => $"/v1/tasks/public/{a.CleaningTaskToken}"),
                ok.Including(CleaningTaskMarker).Showing("next_booking").Redacting(OwnerOnlyTaskFields).Excluding(GuestNameMarker)),

            // Reference data, health and the API's own description: public.
            Public("GET", "/v1/geo/countries", Get(_ => "/v1/geo/countries?q=spa"), ok),
            Public("GET", "/v1/geo/provinces", Get(_ => "/v1/geo/provinces?q=madrid"), ok),
            Public("GET", "/v1/geo/cities", Get(_ => "/v1/geo/cities?q=alcala"), ok),
            Public("GET", "/health", Get(_ => "/health"), ok),
            Public("GET", "/health/ready", Get(_ => "/health/ready"), ok),
            Public("GET", "/openapi.json", Get(_ => "/openapi.json"), ok),
            Public("GET", "/openapi.yaml", Get(_ => "/openapi.yaml"), ok),
            Public("GET", "/docs", Get(_ => "/docs"), ok),
        ];
    }

    /// <summary>An endpoint about the caller's own things: every registered caller gets the same answer, anonymous 401.</summary>
    private static MatrixRow Own(string method, string template, Func<RoleMatrixArrangement, Caller, Task<HttpRequestMessage>> request, Expect registered) =>
        new(method, template, request, registered, registered, registered, registered, registered, Unauthenticated);

    /// <summary>A public endpoint: everyone, anonymous included, gets the same answer.</summary>
    private static MatrixRow Public(string method, string template, Func<RoleMatrixArrangement, Caller, Task<HttpRequestMessage>> request, Expect everyone) =>
        new(method, template, request, everyone, everyone, everyone, everyone, everyone, everyone);

    private static Func<RoleMatrixArrangement, Caller, Task<HttpRequestMessage>> Get(Func<RoleMatrixArrangement, string> path) =>
        (a, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path(a)));

    private static Func<RoleMatrixArrangement, Caller, Task<HttpRequestMessage>> Send(HttpMethod method, Func<RoleMatrixArrangement, string> path) =>
        (a, _) => Task.FromResult(new HttpRequestMessage(method, path(a)));

    private static Task<HttpRequestMessage> Send(HttpMethod method, string path) => Task.FromResult(new HttpRequestMessage(method, path));

    private static Task<HttpRequestMessage> Json(HttpMethod method, string path, object body) =>
        Task.FromResult(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });

    private static Task<HttpRequestMessage> MergePatch(string path, string body) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(body, Encoding.UTF8, "application/merge-patch+json") });

    private static object NewBooking()
    {
        var from = ApiResponsesDay(30);
        return new
        {
            from,
            to = ApiResponsesDay(33),
            guest_first_name = "Nueva",
            guest_last_name = "Huesped",
            guest_email = "nueva@guests.example",
            guest_phone = "+34600111333",
            notes = "Fresh booking",
            special_requests = "Crib",
        };
    }

    private static string ApiResponsesDay(int daysFromToday) =>
        Infrastructure.ApiResponses.Day(Infrastructure.ApiResponses.Today(Zone).AddDays(daysFromToday));
}
