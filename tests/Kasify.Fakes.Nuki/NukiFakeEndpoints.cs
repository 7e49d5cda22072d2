namespace Kasify.Fakes.Nuki;

/// <summary>Maps the Nuki Web API paths Kasify uses, and the fake's own <c>/fake/*</c> admin endpoints, onto a <see cref="NukiFakeState"/>.</summary>
public static class NukiFakeEndpoints
{
    /// <summary>Maps every endpoint of the fake.</summary>
    public static IEndpointRouteBuilder MapNukiFake(this IEndpointRouteBuilder app, NukiFakeState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);

        var vendor = app.MapGroup("/smartlock").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (await state.BeforeRequestAsync(http.RequestAborted) is { } failure)
            {
                return Results.Text("<html><body><h1>" + failure + "</h1>nginx</body></html>", "text/html", statusCode: failure);
            }

            var account = state.Authenticate(http.Request.Headers.Authorization);
            if (account is null)
            {
                return Results.Json(new { }, statusCode: StatusCodes.Status401Unauthorized);
            }

            if (account.LatencyMs > 0)
            {
                await Task.Delay(account.LatencyMs, http.RequestAborted);
            }

            http.Items[typeof(FakeAccount)] = account;
            return await next(context);
        });

        vendor.MapGet("", (HttpContext http) => Reply(state.ListSmartlocks(AccountOf(http))));
        vendor.MapGet("/{smartlockId:long}", (HttpContext http, long smartlockId) => Reply(state.GetSmartlock(AccountOf(http), smartlockId)));
        vendor.MapGet("/{smartlockId:long}/auth", (HttpContext http, long smartlockId, string? types) =>
            Reply(state.ListAuths(AccountOf(http), smartlockId, types)));
        vendor.MapPut("/{smartlockId:long}/auth", (HttpContext http, long smartlockId, AuthWrite? body) =>
            Reply(state.CreateAuth(AccountOf(http), smartlockId, body)));
        vendor.MapPost("/{smartlockId:long}/auth/{id}", (HttpContext http, long smartlockId, string id, AuthWrite? body) =>
            Reply(state.UpdateAuth(AccountOf(http), smartlockId, id, body)));
        vendor.MapDelete("/{smartlockId:long}/auth/{id}", (HttpContext http, long smartlockId, string id) =>
            Reply(state.DeleteAuth(AccountOf(http), smartlockId, id)));

        var admin = app.MapGroup("/fake");
        admin.MapGet("/state", () => Results.Json(state.Snapshot()));
        admin.MapPost("/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });
        admin.MapPost("/accounts", (SeedAccount body) => Results.Json(state.AddAccount(body.Token, body.AccountId)));
        admin.MapPost("/smartlocks", (SeedSmartlock body) =>
        {
            state.AddSmartlock(body.Token, body.SmartlockId, body.Name, body.KeypadPaired ?? true, body.Offline ?? false, body.BatteryCharge ?? 80);
            return Results.NoContent();
        });
        admin.MapPost("/smartlocks/{smartlockId:long}", (long smartlockId, SmartlockChange body) =>
            state.UpdateSmartlock(smartlockId, body.Offline, body.BatteryCharge, body.BatteryCritical, body.LockState)
                ? Results.NoContent()
                : Results.NotFound());
        admin.MapGet("/switches", () => Results.Json(Switches(state.Options)));
        admin.MapPost("/switches", (SwitchChange body) =>
        {
            state.Options.ApplyDelayMs = body.ApplyDelayMs ?? state.Options.ApplyDelayMs;
            state.Options.LatencyMs = body.LatencyMs ?? state.Options.LatencyMs;
            state.Options.ErrorRate = body.ErrorRate ?? state.Options.ErrorRate;
            if (body.FailNext is { } count)
            {
                state.FailNext(count, body.FailStatus ?? 503);
            }

            return Results.Json(Switches(state.Options));
        });
        return app;
    }

    private static object Switches(NukiFakeOptions options) =>
        new { applyDelayMs = options.ApplyDelayMs, latencyMs = options.LatencyMs, errorRate = options.ErrorRate };

    private static FakeAccount AccountOf(HttpContext http) => (FakeAccount)http.Items[typeof(FakeAccount)]!;

    private static IResult Reply(FakeReply reply) => reply.Body is null
        ? Results.StatusCode(reply.Status)
        : Results.Json(reply.Body, statusCode: reply.Status);

    private sealed record SeedAccount(string Token, int? AccountId);

    private sealed record SeedSmartlock(string Token, long SmartlockId, string Name, bool? KeypadPaired, bool? Offline, int? BatteryCharge);

    private sealed record SmartlockChange(bool? Offline, int? BatteryCharge, bool? BatteryCritical, int? LockState);

    private sealed record SwitchChange(int? ApplyDelayMs, int? LatencyMs, double? ErrorRate, int? FailNext, int? FailStatus);
}
