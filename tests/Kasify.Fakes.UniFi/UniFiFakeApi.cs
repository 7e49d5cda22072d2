using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kasify.Fakes.UniFi;

/// <summary>The developer API's routes under <c>/api/v1/developer</c>, answering in the <c>{code,msg,data}</c> envelope.</summary>
public static class UniFiFakeApi
{
    private const string Prefix = "/api/v1/developer";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IEndpointRouteBuilder MapUniFiFakeApi(this IEndpointRouteBuilder routes, UniFiFakeConsole console)
    {
        var api = routes.MapGroup(Prefix);

        api.MapGet("/doors", (HttpContext http, CancellationToken aborted) => Handle(http, console, edit: false, () =>
            Task.FromResult(console.DoorListPadding > 0
                ? Results.Json(new PaddedEnvelope<List<object>>("SUCCESS", "success", [.. console.Doors().Select(DoorJson)], new string(' ', console.DoorListPadding)), Json)
                : Success(console.Doors().Select(DoorJson).ToList()))));

        api.MapGet("/doors/{id}", (HttpContext http, string id) => Handle(http, console, edit: false, () =>
            Task.FromResult(console.Door(id) is { } door ? Success(DoorJson(door)) : Failure(UniFiFakeError.NotFound))));

        api.MapGet("/door_groups/topology", (HttpContext http, CancellationToken aborted) => Handle(http, console, edit: false, () =>
            Task.FromResult(Success(Topology(console.Doors())))));

        api.MapPost("/credentials/pin_codes", (HttpContext http, CancellationToken aborted) => Handle(http, console, edit: false, () =>
            Task.FromResult(Success(console.GeneratePin()))));

        api.MapPost("/visitors", (HttpContext http, CancellationToken aborted) => Handle(http, console, edit: true, async () =>
        {
            var body = await ReadAsync<VisitorBody>(http);
            if (body is not { FirstName: { Length: > 0 } first, LastName: { Length: > 0 } last, StartTime: { } start, EndTime: { } end }
                || end <= start || DoorIds(body.Resources) is not { } doors)
            {
                return Failure(UniFiFakeError.ParamsInvalid);
            }

            var result = console.CreateVisitor(first, last, body.VisitReason ?? "Others", start, end, doors);
            return result.Error is { } error ? Failure(error) : Success(VisitorJson(result.Value!));
        }));

        // Pages of visitors, oldest first (reference §6: page_num from 1, page_size); expand[] is accepted and everything is shown.
        api.MapGet("/visitors", (HttpContext http, int? page_num, int? page_size) => Handle(http, console, edit: false, () =>
        {
            var (page, size) = (page_num ?? 1, page_size ?? 25);
            return Task.FromResult(page < 1 || size < 1
                ? Failure(UniFiFakeError.ParamsInvalid)
                : Success(console.Visitors().Skip((page - 1) * size).Take(size).Select(VisitorJson).ToList()));
        }));

        api.MapGet("/visitors/{id}", (HttpContext http, string id) => Handle(http, console, edit: false, () =>
            Task.FromResult(console.Visitor(id) is { } visitor ? Success(VisitorJson(visitor)) : Failure(UniFiFakeError.NotFound))));

        api.MapPut("/visitors/{id}", (HttpContext http, string id) => Handle(http, console, edit: true, async () =>
        {
            var body = await ReadAsync<VisitorBody>(http);
            var doors = body?.Resources is null ? null : DoorIds(body.Resources);
            if (body is null || (body.Resources is not null && doors is null))
            {
                return Failure(UniFiFakeError.ParamsInvalid);
            }

            var result = console.UpdateVisitor(id, body.FirstName, body.LastName, body.StartTime, body.EndTime, doors);
            return result.Error is { } error ? Failure(error) : Success(VisitorJson(result.Value!));
        }));

        api.MapDelete("/visitors/{id}", (HttpContext http, string id, bool? is_force) => Handle(http, console, edit: true, () =>
            Task.FromResult(console.DeleteVisitor(id, is_force ?? false) is { } error ? Failure(error) : Success<object?>(null))));

        api.MapPut("/visitors/{id}/pin_codes", (HttpContext http, string id) => Handle(http, console, edit: true, async () =>
        {
            var body = await ReadAsync<PinBody>(http);
            return console.AssignPin(id, body?.PinCode) is { } error ? Failure(error) : SuccessWithoutData();
        }));

        api.MapDelete("/visitors/{id}/pin_codes", (HttpContext http, string id) => Handle(http, console, edit: true, () =>
            Task.FromResult(console.UnassignPin(id) is { } error ? Failure(error) : SuccessWithoutData())));

        return routes;
    }

    private static async Task<IResult> Handle(HttpContext http, UniFiFakeConsole console, bool edit, Func<Task<IResult>> action)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (console.Authorize(token, edit) is { } denied)
        {
            return Failure(denied);
        }

        if (await console.EnterAsync(http.RequestAborted) is { } injected)
        {
            return Failure(injected);
        }

        return await action();
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string>? DoorIds(List<ResourceBody>? resources)
    {
        if (resources is null)
        {
            return [];
        }

        // The fake knows single doors only; door groups are answered as invalid parameters.
        return resources.All(resource => resource is { Type: "door", Id: { Length: > 0 } })
            ? [.. resources.Select(resource => resource.Id!)]
            : null;
    }

    private static IResult Success<T>(T data) =>
        Results.Json(new Envelope<T>("SUCCESS", "success", data), Json);

    // Assign and unassign PIN answer without a data key (reference §2).
    private static IResult SuccessWithoutData() =>
        Results.Json(new BareEnvelope("SUCCESS", "success"), Json);

    private static IResult Failure(UniFiFakeError error) =>
        Results.Json(new BareEnvelope(error.Code, error.Message), Json, statusCode: error.Status);

    private static object DoorJson(UniFiFakeDoor door) => new
    {
        id = door.Id,
        name = door.Name,
        full_name = $"Fake Console - {door.FloorName} - {door.Name}",
        floor_id = door.FloorId,
        type = "door",
        is_bind_hub = door.IsBindHub,
        door_lock_relay_status = "lock",
        door_position_status = door.IsBindHub ? "close" : null,
    };

    private static object[] Topology(IReadOnlyList<UniFiFakeDoor> doors) =>
    [
        new
        {
            id = UniFiFakeSeed.BuildingGroupId,
            name = "Fake Console",
            type = "building",
            resource_topologies = doors
                .GroupBy(door => (door.FloorId, door.FloorName))
                .Select(floor => new
                {
                    id = floor.Key.FloorId,
                    name = floor.Key.FloorName,
                    type = "floor",
                    resources = floor.Select(door => new { id = door.Id, name = door.Name, type = "door", is_bind_hub = door.IsBindHub }),
                }),
        },
    ];

    private static object VisitorJson(UniFiFakeVisitor visitor) => new
    {
        id = visitor.Id,
        first_name = visitor.FirstName,
        last_name = visitor.LastName,
        status = visitor.Cancelled ? "CANCELLED" : "UPCOMING",
        visit_reason = visitor.VisitReason,
        start_time = visitor.StartTime,
        end_time = visitor.EndTime,
        create_time = visitor.CreateTime,
        nfc_cards = Array.Empty<object>(),
        pin_code = visitor.Pin is { } pin ? new { token = UniFiFakeConsole.PinToken(pin) } : null,
        resources = visitor.DoorIds.Select(id => new { id, name = "door", type = "door" }),
    };

    private sealed record Envelope<T>(string Code, string Msg, T Data);

    private sealed record BareEnvelope(string Code, string Msg);

    private sealed record PaddedEnvelope<T>(string Code, string Msg, T Data, string Padding);

    private sealed record VisitorBody(
        string? FirstName, string? LastName, string? VisitReason, long? StartTime, long? EndTime, List<ResourceBody>? Resources);

    private sealed record ResourceBody(string? Id, string? Type);

    private sealed record PinBody(string? PinCode);
}
