using System.Net.Http.Json;
using System.Security.Authentication;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// The UniFi Access developer API over a typed <see cref="HttpClient"/> (see reference/unifi-access-api.md): bearer
/// token, <c>{code,msg,data}</c> envelope checked together with the HTTP status, and a pinned certificate per integration.
/// Console URLs are user-chosen, so calls go through the outbound policy (<see cref="Outbound.OutboundHandlerFactory"/>):
/// an address it refuses fails as <see cref="UniFiAccessError.Unreachable"/>, an answer over its size limit as
/// <see cref="UniFiAccessError.UnexpectedResponse"/>.
/// </summary>
public sealed class UniFiAccessClient(HttpClient http) : IUniFiAccessClient
{
    private const string Api = "/api/v1/developer/";

    private const int VisitorPageSize = 100;

    // A console with more visitors than this is read no further: the rest waits for the console to forget old ones.
    private const int MaxVisitorPages = 20;

    public async Task<UniFiCredentialCheck> VerifyCredentialsAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAsync(connection, HttpMethod.Get, "doors", body: null, cancellationToken);
            return UniFiCredentialCheck.Valid;
        }
        catch (UniFiAccessException e) when (e.Error is UniFiAccessError.InvalidCredentials or UniFiAccessError.PermissionDenied)
        {
            return UniFiCredentialCheck.InvalidCredentials;
        }
        catch (UniFiAccessException e) when (e.Error is UniFiAccessError.CertificateRejected)
        {
            return UniFiCredentialCheck.CertificateRejected;
        }
        catch (UniFiAccessException e) when (e.Error is UniFiAccessError.Unreachable or UniFiAccessError.ServerError
            or UniFiAccessError.RateLimited or UniFiAccessError.UnexpectedResponse or UniFiAccessError.NotFound)
        {
            return UniFiCredentialCheck.Unreachable;
        }
    }

    public async Task<IReadOnlyList<UniFiDoor>> ListDoorsAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default)
    {
        var doors = await SendAsync(connection, HttpMethod.Get, "doors", body: null, cancellationToken);
        var topology = await SendAsync(connection, HttpMethod.Get, "door_groups/topology", body: null, cancellationToken);
        var floorNames = FloorNames(topology);
        if (doors is not { ValueKind: JsonValueKind.Array } list)
        {
            throw Unexpected("The door list is not an array.");
        }

        return [.. list.EnumerateArray().Select(door =>
        {
            var floorId = String(door, "floor_id") ?? string.Empty;
            return new UniFiDoor(
                String(door, "id") ?? throw Unexpected("A door has no id."),
                String(door, "name") ?? string.Empty,
                String(door, "full_name") ?? string.Empty,
                floorId,
                floorNames.GetValueOrDefault(floorId),
                Bool(door, "is_bind_hub"),
                String(door, "door_lock_relay_status") is { Length: > 0 } relay ? relay : null,
                String(door, "door_position_status") is { Length: > 0 } position ? position : null);
        })];
    }

    public async Task<string> GeneratePinAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default)
    {
        var data = await SendAsync(connection, HttpMethod.Post, "credentials/pin_codes", body: null, cancellationToken);
        return data is { ValueKind: JsonValueKind.String } pin && UniFiPinRules.IsValid(pin.GetString(), siteLength: null)
            ? pin.GetString()!
            : throw Unexpected("The generated PIN is not a digit string.");
    }

    public async Task<UniFiVisitorPin> CreateVisitorPinAsync(
        UniFiAccessConnection connection, UniFiVisitorPinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DoorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.FirstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.LastName);
        CheckPin(request.Pin);
        CheckWindow(request.ValidFrom, request.ValidTo);

        var visitor = await SendAsync(connection, HttpMethod.Post, "visitors", new
        {
            first_name = request.FirstName,
            last_name = request.LastName,
            visit_reason = "Others",
            start_time = request.ValidFrom.ToUnixTimeSeconds(),
            end_time = request.ValidTo.ToUnixTimeSeconds(),
            resources = new[] { new { id = request.DoorId, type = "door" } },
        }, cancellationToken);
        var visitorId = visitor is { ValueKind: JsonValueKind.Object } created ? String(created, "id") : null;
        if (visitorId is null)
        {
            throw Unexpected("The created visitor has no id.");
        }

        try
        {
            await AssignPinAsync(connection, visitorId, request.Pin, cancellationToken);
        }
        catch (UniFiAccessException)
        {
            // A visitor without its PIN is useless and would be orphaned: remove it, then report the PIN failure.
            await TryDeleteAsync(connection, visitorId);
            throw;
        }

        return new UniFiVisitorPin(visitorId, request.ValidFrom, request.ValidTo);
    }

    public async Task<UniFiVisitorPin> UpdateVisitorPinAsync(
        UniFiAccessConnection connection,
        string visitorId,
        DateTimeOffset validFrom,
        DateTimeOffset validTo,
        string? newPin = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorId);
        CheckWindow(validFrom, validTo);
        if (newPin is not null)
        {
            CheckPin(newPin);
        }

        await SendAsync(connection, HttpMethod.Put, $"visitors/{Uri.EscapeDataString(visitorId)}", new
        {
            start_time = validFrom.ToUnixTimeSeconds(),
            end_time = validTo.ToUnixTimeSeconds(),
        }, cancellationToken);
        if (newPin is not null)
        {
            await AssignPinAsync(connection, visitorId, newPin, cancellationToken);
        }

        return new UniFiVisitorPin(visitorId, validFrom, validTo);
    }

    public async Task<IReadOnlyList<UniFiVisitor>> ListVisitorsAsync(UniFiAccessConnection connection, CancellationToken cancellationToken = default)
    {
        var visitors = new List<UniFiVisitor>();
        for (var page = 1; page <= MaxVisitorPages; page++)
        {
            var data = await SendAsync(
                connection, HttpMethod.Get, $"visitors?page_num={page}&page_size={VisitorPageSize}&expand[]=pin_code&expand[]=resource", body: null, cancellationToken);
            if (data is not { ValueKind: JsonValueKind.Array } list)
            {
                throw Unexpected("The visitor list is not an array.");
            }

            var before = visitors.Count;
            visitors.AddRange(list.EnumerateArray().Select(Visitor));
            if (visitors.Count - before < VisitorPageSize)
            {
                break;
            }
        }

        return visitors;
    }

    public async Task DeleteVisitorPinAsync(UniFiAccessConnection connection, string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorId);
        try
        {
            await SendAsync(connection, HttpMethod.Delete, $"visitors/{Uri.EscapeDataString(visitorId)}?is_force=true", body: null, cancellationToken);
        }
        catch (UniFiAccessException e) when (e.Error is UniFiAccessError.NotFound)
        {
            // Already gone: deleting is idempotent so that a retried revoke succeeds.
        }
    }

    private Task AssignPinAsync(UniFiAccessConnection connection, string visitorId, string pin, CancellationToken cancellationToken) =>
        SendAsync(connection, HttpMethod.Put, $"visitors/{Uri.EscapeDataString(visitorId)}/pin_codes", new { pin_code = pin }, cancellationToken);

    private async Task TryDeleteAsync(UniFiAccessConnection connection, string visitorId)
    {
        try
        {
            await DeleteVisitorPinAsync(connection, visitorId, CancellationToken.None);
        }
        catch (UniFiAccessException)
        {
            // Best effort; the caller reports the original failure.
        }
    }

    /// <summary>Sends one call and returns the envelope's <c>data</c> (absent and null both give <c>null</c>).</summary>
    private async Task<JsonElement?> SendAsync(
        UniFiAccessConnection connection, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var request = new HttpRequestMessage(method, new Uri(connection.BaseUrl, Api + path));
        request.Headers.Authorization = new("Bearer", connection.ApiToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Options.Set(UniFiPinnedCertificateHandler.PinOption, UniFiPinnedCertificateHandler.Normalize(connection.CertificateSha256));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
        {
            throw new UniFiAccessException(UniFiAccessError.CertificateRejected,
                $"The console at {connection.BaseUrl} presented a certificate that does not match the pinned fingerprint.", innerException: e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw new UniFiAccessException(UniFiAccessError.UnexpectedResponse,
                $"{method} {path.Split('?')[0]} answered more than Kasify reads from a console.", innerException: e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new UniFiAccessException(UniFiAccessError.Unreachable, $"The console at {connection.BaseUrl} did not answer.", innerException: e);
        }

        using (response)
        {
            var (code, message, data) = await ReadEnvelopeAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && code == "SUCCESS")
            {
                return data;
            }

            if (code is null && response.IsSuccessStatusCode)
            {
                throw Unexpected($"{method} {path} answered {(int)response.StatusCode} without the envelope.", (int)response.StatusCode);
            }

            var error = UniFiAccessErrors.From(code, response.StatusCode);
            throw new UniFiAccessException(error,
                $"{method} {path.Split('?')[0]} failed with HTTP {(int)response.StatusCode} {code}: {message}", code, (int)response.StatusCode);
        }
    }

    private static async Task<(string? Code, string? Message, JsonElement? Data)> ReadEnvelopeAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "code") is not { } code)
            {
                return (null, null, null);
            }

            JsonElement? data = root.TryGetProperty("data", out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : null;
            return (code, String(root, "msg"), data);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static Dictionary<string, string> FloorNames(JsonElement? topology)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (topology is not { ValueKind: JsonValueKind.Array } groups)
        {
            return names;
        }

        foreach (var group in groups.EnumerateArray())
        {
            if (group.ValueKind == JsonValueKind.Object
                && group.TryGetProperty("resource_topologies", out var floors) && floors.ValueKind == JsonValueKind.Array)
            {
                foreach (var floor in floors.EnumerateArray())
                {
                    if (String(floor, "id") is { } id && String(floor, "name") is { } name)
                    {
                        names.TryAdd(id, name);
                    }
                }
            }
        }

        return names;
    }

    private static UniFiVisitor Visitor(JsonElement visitor)
    {
        var resources = visitor.ValueKind == JsonValueKind.Object && visitor.TryGetProperty("resources", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(resource => String(resource, "id")).OfType<string>().ToList()
            : [];
        var hasPin = visitor.ValueKind == JsonValueKind.Object && visitor.TryGetProperty("pin_code", out var pin) && pin.ValueKind == JsonValueKind.Object;
        return new UniFiVisitor(
            String(visitor, "id") ?? throw Unexpected("A visitor has no id."),
            String(visitor, "first_name") ?? string.Empty,
            String(visitor, "last_name") ?? string.Empty,
            String(visitor, "status") ?? string.Empty,
            Seconds(visitor, "start_time"),
            Seconds(visitor, "end_time"),
            hasPin,
            resources);
    }

    private static DateTimeOffset? Seconds(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // Documented as a string, sent as a JSON boolean by the consoles seen so far: accept both.
    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed) && parsed));

    private static void CheckPin(string pin)
    {
        if (!UniFiPinRules.IsValid(pin, siteLength: null))
        {
            throw new ArgumentException("A UniFi PIN is 4 to 8 digits.", nameof(pin));
        }
    }

    private static void CheckWindow(DateTimeOffset validFrom, DateTimeOffset validTo)
    {
        if (validTo.ToUnixTimeSeconds() <= validFrom.ToUnixTimeSeconds())
        {
            throw new ArgumentException("A PIN's window must end after it starts.", nameof(validTo));
        }
    }

    private static UniFiAccessException Unexpected(string message, int? status = null) =>
        new(UniFiAccessError.UnexpectedResponse, message, httpStatus: status);
}
