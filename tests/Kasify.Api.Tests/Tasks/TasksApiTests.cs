using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Calendar;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Rentals;
using static Kasify.Api.Tests.Infrastructure.ApiResponses;

namespace Kasify.Api.Tests.Tasks;

[Collection(ApiCollection.Name)]
public sealed class TasksApiTests(KasifyApiFactory factory)
{
    private static readonly string[] OwnerFields =
    [
        "id", "property_id", "task_type", "status", "assigned_to", "assigned_to_name", "from", "to", "booking_id", "notes", "job_report",
        "started_at", "completed_at", "created_at", "cancelled_at", "access", "public_token", "property", "next_booking",
    ];

    private static readonly string[] CrewFields =
    [
        "id", "property_id", "task_type", "status", "assigned_to", "assigned_to_name", "from", "to", "notes", "job_report",
        "started_at", "completed_at", "access", "public_token", "property", "next_booking",
    ];

    private static Task<JsonElement> ReadAsync(HttpResponseMessage response) => response.ReadSuccessAsync();

    private static StringContent Json(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);

    private static string[] Fields(JsonElement item) => [.. item.EnumerateObject().Select(field => field.Name)];

    private static object Maintenance(Guid propertyId, Guid? assignee, string notes = "Fix the tap") => new
    {
        property_id = propertyId,
        task_type = "maintenance",
        from = "2030-09-01T09:00:00+02:00",
        to = "2030-09-01T11:00:00+02:00",
        assigned_to = assignee,
        notes,
    };

    private static async Task<JsonElement> CreateTaskAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/v1/tasks", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create task answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var task = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/v1/tasks/{task.GetProperty("id").GetString()}", response.Headers.Location?.ToString());
        return task;
    }

    private static Guid Id(JsonElement item) => item.GetProperty("id").GetGuid();

    [Fact]
    public async Task ABookingsCleaningTaskIsListedWithEveryOwnerField()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var booking = await owner.CreateBookingAsync(propertyId, new { from = "2030-07-01", to = "2030-07-05", guest_first_name = "Lucía" });
        await owner.CreateBookingAsync(propertyId, new { from = "2030-07-06", to = "2030-07-09", adults_count = 2, children_count = 1 });

        var page = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/tasks?size=1"));
        var alias = await ReadAsync(await owner.GetAsync($"/properties/{propertyId}/tasks?task_type=cleaning&scheduled_from=2030-07-06"));

        Assert.Equal(2, page.GetProperty("total_elements").GetInt64());
        Assert.Equal(2, page.GetProperty("total_pages").GetInt32());
        var task = Assert.Single(page.GetProperty("content").EnumerateArray());
        Assert.Equal(OwnerFields, Fields(task));
        Assert.Equal("cleaning", task.GetProperty("task_type").GetString());
        Assert.Equal("pending", task.GetProperty("status").GetString());
        Assert.Equal(ownerId, task.GetProperty("assigned_to").GetGuid());
        Assert.Equal("2030-07-05T11:00:00+02:00", task.GetProperty("from").GetString());
        Assert.Equal("2030-07-05T14:00:00+02:00", task.GetProperty("to").GetString());
        Assert.Equal(booking.GetProperty("id").GetString(), task.GetProperty("booking_id").GetString());
        Assert.Equal("owner", task.GetProperty("access").GetString());
        Assert.Equal(propertyId, task.GetProperty("property").GetProperty("id").GetGuid());
        Assert.Equal("Casa Azul", task.GetProperty("property").GetProperty("name").GetString());
        Assert.Equal("""{"from":"2030-07-06","to":"2030-07-09","guests_number":3}""", task.GetProperty("next_booking").GetRawText());
        Assert.Equal("2030-07-09T11:00:00+02:00", Assert.Single(alias.GetProperty("content").EnumerateArray()).GetProperty("from").GetString());
    }

    [Fact]
    public async Task ATaskGoesThroughItsLifecycleOverHttp()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var created = await CreateTaskAsync(owner, Maintenance(propertyId, ownerId));
        var taskId = Id(created);

        var fetched = await ReadAsync(await owner.GetAsync($"/v1/tasks/{taskId}"));
        var patched = await ReadAsync(await owner.PatchAsync($"/v1/tasks/{taskId}", Json("""{"notes":"Bring the ladder"}""", "application/merge-patch+json")));
        var started = await ReadAsync(await owner.PostAsync($"/v1/tasks/{taskId}/start", null));
        using var startAgain = await owner.PostAsync($"/v1/tasks/{taskId}/start", null);
        var completed = await ReadAsync(await owner.PostAsJsonAsync($"/v1/tasks/{taskId}/complete", new { job_report = "New washer" }));
        using var cancelCompleted = await owner.DeleteAsync($"/v1/tasks/{taskId}");

        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal("maintenance", fetched.GetProperty("task_type").GetString());
        Assert.Equal(JsonValueKind.Null, fetched.GetProperty("next_booking").ValueKind);
        Assert.Equal("Bring the ladder", patched.GetProperty("notes").GetString());
        Assert.Equal("in_progress", started.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, started.GetProperty("started_at").ValueKind);
        await ProblemAssert.IsProblemAsync(startAgain, HttpStatusCode.Conflict, "task.state");
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal("New washer", completed.GetProperty("job_report").GetString());
        Assert.NotEqual(JsonValueKind.Null, completed.GetProperty("completed_at").ValueKind);
        await ProblemAssert.IsProblemAsync(cancelCompleted, HttpStatusCode.Conflict, "task.state");
    }

    [Fact]
    public async Task DeletingCancelsTheTaskWhichStaysListableWithIncludeCancelled()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var taskId = Id(await CreateTaskAsync(owner, Maintenance(propertyId, ownerId)));

        using var deleted = await owner.DeleteAsync($"/v1/tasks/{taskId}");
        using var completeCancelled = await owner.PostAsync($"/v1/tasks/{taskId}/complete", null);
        var hidden = await ReadAsync(await owner.GetAsync($"/v1/tasks?property_id={propertyId}"));
        var shown = await ReadAsync(await owner.GetAsync($"/v1/tasks?property_id={propertyId}&include_cancelled=true"));
        var byStatus = await ReadAsync(await owner.GetAsync($"/v1/tasks?status=cancelled"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(completeCancelled, HttpStatusCode.Conflict, "task.state");
        Assert.Empty(hidden.GetProperty("content").EnumerateArray());
        var cancelled = Assert.Single(shown.GetProperty("content").EnumerateArray());
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, cancelled.GetProperty("cancelled_at").ValueKind);
        Assert.Contains(byStatus.GetProperty("content").EnumerateArray(), item => Id(item) == taskId);
    }

    [Fact]
    public async Task TheListAcrossPropertiesHoldsOwnedPropertiesTasksAndTasksAssignedToTheCaller()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var other = factory.CreateAuthenticatedClient();
        var otherId = await other.RegisterAsync();
        var mine = await factory.CreatePropertyWithCrewAsync(ownerId, "Mine", "Europe/Madrid");
        var theirs = await factory.CreatePropertyWithCrewAsync(otherId, "Theirs", "Europe/Madrid", (ownerId, AccessLevel.Manager));
        var ownTask = Id(await CreateTaskAsync(owner, Maintenance(mine, null)));
        var assigned = Id(await CreateTaskAsync(other, Maintenance(theirs, ownerId)));
        await CreateTaskAsync(other, Maintenance(theirs, otherId));

        var all = await ReadAsync(await owner.GetAsync("/v1/tasks"));
        var managed = await ReadAsync(await owner.GetAsync($"/v1/tasks?property_id={theirs}"));

        Assert.Equal(new[] { ownTask, assigned }.Order(), all.GetProperty("content").EnumerateArray().Select(Id).Order());
        Assert.Equal(2, all.GetProperty("total_elements").GetInt64());
        Assert.Equal(2, managed.GetProperty("total_elements").GetInt64());
    }

    [Fact]
    public async Task RolesDecideWhatEachCrewMemberSeesAndDoes()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        using var manager = factory.CreateAuthenticatedClient();
        var managerId = await manager.RegisterAsync();
        using var staff = factory.CreateAuthenticatedClient();
        var staffId = await staff.RegisterAsync();
        using var otherStaff = factory.CreateAuthenticatedClient();
        var otherStaffId = await otherStaff.RegisterAsync();
        using var contractor = factory.CreateAuthenticatedClient();
        var contractorId = await contractor.RegisterAsync();
        using var stranger = factory.CreateAuthenticatedClient();
        await stranger.RegisterAsync();
        var propertyId = await factory.CreatePropertyWithCrewAsync(
            ownerId, "Casa Roles", "Europe/Madrid",
            (managerId, AccessLevel.Manager), (staffId, AccessLevel.Staff), (otherStaffId, AccessLevel.Staff), (contractorId, AccessLevel.Contractor));
        var taskId = Id(await CreateTaskAsync(owner, Maintenance(propertyId, staffId)));

        var asManager = await ReadAsync(await manager.GetAsync($"/v1/tasks/{taskId}"));
        var asAssignee = await ReadAsync(await staff.GetAsync($"/v1/tasks/{taskId}"));
        var asOtherStaff = await ReadAsync(await otherStaff.GetAsync($"/v1/tasks/{taskId}"));
        var otherStaffList = await ReadAsync(await otherStaff.GetAsync($"/v1/properties/{propertyId}/tasks"));
        using var asContractor = await contractor.GetAsync($"/v1/tasks/{taskId}");
        using var asStranger = await stranger.GetAsync($"/v1/tasks/{taskId}");
        var contractorList = await ReadAsync(await contractor.GetAsync($"/v1/properties/{propertyId}/tasks"));
        using var strangerList = await stranger.GetAsync($"/v1/properties/{propertyId}/tasks");
        using var otherStaffReport = await otherStaff.PatchAsync($"/v1/tasks/{taskId}", Json("""{"job_report":"x"}"""));
        using var managerNotes = await manager.PatchAsync($"/v1/tasks/{taskId}", Json("""{"notes":"x"}"""));
        var assigneeReport = await ReadAsync(await staff.PatchAsync($"/v1/tasks/{taskId}", Json("""{"job_report":"Half done"}""")));
        using var managerStart = await manager.PostAsync($"/v1/tasks/{taskId}/start", null);
        using var managerDelete = await manager.DeleteAsync($"/v1/tasks/{taskId}");
        using var contractorStart = await contractor.PostAsync($"/v1/tasks/{taskId}/start", null);
        var assigneeStart = await ReadAsync(await staff.PostAsync($"/v1/tasks/{taskId}/start", null));
        var managerComplete = await ReadAsync(await manager.PostAsync($"/v1/tasks/{taskId}/complete", null));
        using var staffCreate = await staff.PostAsJsonAsync("/v1/tasks", Maintenance(propertyId, null));
        using var strangerCreate = await stranger.PostAsJsonAsync("/v1/tasks", Maintenance(propertyId, null));
        var managerCreate = await CreateTaskAsync(manager, Maintenance(propertyId, contractorId));

        Assert.Equal(CrewFields, Fields(asManager));
        Assert.Equal("manager", asManager.GetProperty("access").GetString());
        Assert.Equal(CrewFields, Fields(asAssignee));
        Assert.Equal("staff", asAssignee.GetProperty("access").GetString());
        Assert.Equal(["id", "from", "to", "property"], Fields(asOtherStaff));
        Assert.Equal(["id", "from", "to", "property"], Fields(Assert.Single(otherStaffList.GetProperty("content").EnumerateArray())));
        await ProblemAssert.IsProblemAsync(asContractor, HttpStatusCode.NotFound, "task.not_found");
        await ProblemAssert.IsProblemAsync(asStranger, HttpStatusCode.NotFound, "task.not_found");
        Assert.Empty(contractorList.GetProperty("content").EnumerateArray());
        await ProblemAssert.IsProblemAsync(strangerList, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(otherStaffReport, HttpStatusCode.Forbidden, "task.forbidden");
        await ProblemAssert.IsProblemAsync(managerNotes, HttpStatusCode.Forbidden, "task.forbidden");
        Assert.Equal("Half done", assigneeReport.GetProperty("job_report").GetString());
        await ProblemAssert.IsProblemAsync(managerStart, HttpStatusCode.Forbidden, "task.forbidden");
        await ProblemAssert.IsProblemAsync(managerDelete, HttpStatusCode.Forbidden, "task.forbidden");
        await ProblemAssert.IsProblemAsync(contractorStart, HttpStatusCode.NotFound, "task.not_found");
        Assert.Equal("in_progress", assigneeStart.GetProperty("status").GetString());
        Assert.Equal("completed", managerComplete.GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(staffCreate, HttpStatusCode.Forbidden, "task.forbidden");
        await ProblemAssert.IsProblemAsync(strangerCreate, HttpStatusCode.NotFound, "property.not_found");
        Assert.Equal(CrewFields, Fields(managerCreate));
        var contractorView = await ReadAsync(await contractor.GetAsync($"/v1/tasks/{Id(managerCreate)}"));
        Assert.Equal("contractor", contractorView.GetProperty("access").GetString());
    }

    [Fact]
    public async Task ThePublicLinkShowsTheContractorSafeViewWithoutSigningIn()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var booking = await owner.CreateBookingAsync(
            propertyId,
            new { from = "2030-07-01", to = "2030-07-05", guest_first_name = "Lucía", guest_last_name = "Pérez", guest_email = "lucia@example.org", guest_phone = "+34 611 22 33 44", notes = "Door code 4455", special_requests = "Crib" });
        await owner.CreateBookingAsync(propertyId, new { from = "2030-07-05", to = "2030-07-07", guest_first_name = "Marta", adults_count = 2 });
        var listed = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/tasks?scheduled_to=2030-07-05"));
        var task = Assert.Single(listed.GetProperty("content").EnumerateArray());
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync($"/v1/tasks/public/{task.GetProperty("public_token").GetString()}");
        using var unknown = await anonymous.GetAsync("/v1/tasks/public/not-a-token");
        using var tooLong = await anonymous.GetAsync($"/v1/tasks/public/{new string('a', 100)}");

        var view = await ReadAsync(response);
        Assert.Equal(CrewFields, Fields(view));
        Assert.Equal(Id(task), Id(view));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("access").ValueKind);
        Assert.Equal("""{"from":"2030-07-05","to":"2030-07-07","guests_number":2}""", view.GetProperty("next_booking").GetRawText());
        var text = view.GetRawText();
        foreach (var personal in new[] { "Lucía", "Pérez", "lucia@example.org", "611 22 33 44", "Door code", "Crib", "Marta", booking.GetProperty("id").GetString()! })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "task.not_found");
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.NotFound, "task.not_found");
    }

    [Fact]
    public async Task ThePublicLinkIsLimitedPerClientIp()
    {
        await using var host = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:RateLimits:PublicPerIpPerMinute"] = "3" });
        using var anonymous = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await anonymous.GetAsync($"/v1/tasks/public/guess-{i}");
        }

        using var response = await anonymous.GetAsync("/v1/tasks/public/guess-4");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData("/v1/tasks")]
    [InlineData("/v1/tasks/00000000-0000-0000-0000-000000000001")]
    public async Task TaskEndpointsNeedAToken(string path)
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"task_type":"maintenance","from":"2030-09-01T09:00:00Z","to":"2030-09-01T10:00:00Z"}""", "property_id")]
    [InlineData("""{"property_id":"{P}","from":"2030-09-01T09:00:00Z","to":"2030-09-01T10:00:00Z"}""", "task_type")]
    [InlineData("""{"property_id":"{P}","task_type":"laundry","from":"2030-09-01T09:00:00Z","to":"2030-09-01T10:00:00Z"}""", "task_type")]
    [InlineData("""{"property_id":"{P}","task_type":"pool","to":"2030-09-01T10:00:00Z"}""", "from")]
    [InlineData("""{"property_id":"{P}","task_type":"pool","from":"2030-09-01T10:00:00Z","to":"2030-09-01T09:00:00Z"}""", "to")]
    [InlineData("""{"property_id":"{P}","task_type":"pool","from":"tomorrow","to":"2030-09-01T09:00:00Z"}""", "from")]
    [InlineData("""{"property_id":"{P}","task_type":"pool","from":"2030-09-01T09:00:00Z","to":"2030-09-01T10:00:00Z","assigned_to":"00000000-0000-0000-0000-000000000001"}""", "assigned_to")]
    [InlineData("""{"property_id":"{P}","task_type":"pool","from":"2030-09-01T09:00:00Z","to":"2030-09-01T10:00:00Z","booking_id":"00000000-0000-0000-0000-000000000001"}""", "booking_id")]
    [InlineData("""{"property_id":"{P}","task_type":"pool","from":"2030-09-01T09:00:00Z","to":"2030-09-01T10:00:00Z","colour":"blue"}""", "colour")]
    public async Task InvalidTasksAreFieldErrors(string body, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsync("/v1/tasks", Json(body.Replace("{P}", propertyId.ToString(), StringComparison.Ordinal)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task NotesLongerThanTheLimitAreAFieldError()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();

        using var response = await owner.PostAsJsonAsync("/v1/tasks", Maintenance(propertyId, ownerId, new string('n', 4001)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("notes", out _), problem.ToString());
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("task_type=laundry", "task_type")]
    [InlineData("scheduled_from=2030-13-01", "scheduled_from")]
    [InlineData("scheduled_to=soon", "scheduled_to")]
    [InlineData("include_cancelled=maybe", "include_cancelled")]
    [InlineData("assigned_to=me", "assigned_to")]
    [InlineData("property_id=abc", "property_id")]
    [InlineData("page=-1", "page")]
    [InlineData("size=101", "size")]
    public async Task InvalidListParametersAreFieldErrors(string query, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var response = await owner.GetAsync($"/v1/tasks?{query}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Theory]
    [InlineData("""{"status":"done"}""", "status")]
    [InlineData("""{"status":null}""", "status")]
    [InlineData("""{"from":null}""", "from")]
    [InlineData("""{"to":"2030-09-01T08:00:00+02:00"}""", "to")]
    [InlineData("""{"assigned_to":"00000000-0000-0000-0000-000000000001"}""", "assigned_to")]
    [InlineData("""{"created_at":"2030-09-01T08:00:00Z"}""", "created_at")]
    [InlineData("""{"colour":"blue"}""", "colour")]
    public async Task InvalidPatchesAreFieldErrors(string body, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var taskId = Id(await CreateTaskAsync(owner, Maintenance(propertyId, ownerId)));

        using var response = await owner.PatchAsync($"/v1/tasks/{taskId}", Json(body, "application/merge-patch+json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task UnknownTasksAndWrongMediaTypesAreProblems()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var ownerId = await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        var taskId = Id(await CreateTaskAsync(owner, Maintenance(propertyId, ownerId)));
        var unknown = Guid.NewGuid();

        using var get = await owner.GetAsync($"/v1/tasks/{unknown}");
        using var patch = await owner.PatchAsync($"/v1/tasks/{unknown}", Json("""{"notes":"x"}"""));
        using var delete = await owner.DeleteAsync($"/v1/tasks/{unknown}");
        using var start = await owner.PostAsync($"/v1/tasks/{unknown}/start", null);
        using var complete = await owner.PostAsync($"/v1/tasks/{unknown}/complete", null);
        using var text = await owner.PatchAsync($"/v1/tasks/{taskId}", Json("notes", "text/plain"));
        using var malformed = await owner.PostAsync($"/v1/tasks/{taskId}/complete", Json("{"));
        using var unknownProperty = await owner.GetAsync($"/v1/properties/{unknown}/tasks");

        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "task.not_found");
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.NotFound, "task.not_found");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "task.not_found");
        await ProblemAssert.IsProblemAsync(start, HttpStatusCode.NotFound, "task.not_found");
        await ProblemAssert.IsProblemAsync(complete, HttpStatusCode.NotFound, "task.not_found");
        await ProblemAssert.IsProblemAsync(text, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await ProblemAssert.IsProblemAsync(unknownProperty, HttpStatusCode.NotFound, "property.not_found");
    }

    [Fact]
    public async Task TasksShowInThePropertyCalendarAndTheUpcomingTimeline()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync("Casa Tareas")).GetProperty("id").GetGuid();
        var today = Today("Europe/Madrid");
        await owner.CreateBookingAsync(propertyId, new { from = Day(today), to = Day(today.AddDays(2)) });
        var task = Assert.Single((await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/tasks"))).GetProperty("content").EnumerateArray());

        var calendar = await ReadAsync(await owner.GetAsync($"/v1/properties/{propertyId}/calendar"));
        var upcoming = await ReadAsync(await owner.GetAsync("/v1/timeline/upcoming"));

        var taskEvent = Assert.Single(calendar.EnumerateArray(), item => item.GetProperty("type").GetString() == "task");
        Assert.Equal(Id(task), taskEvent.GetProperty("task_id").GetGuid());
        Assert.Equal(Id(task), taskEvent.GetProperty("id").GetGuid());
        Assert.Contains(
            upcoming.EnumerateArray().SelectMany(day => day.GetProperty("events").EnumerateArray()),
            item => item.GetProperty("type").GetString() == "task" && item.GetProperty("task_id").GetGuid() == Id(task));
    }
}
