using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace Kasify.Grains.Integrations.Nuki;

/// <summary>
/// The Nuki Web API over a typed <see cref="HttpClient"/> whose base address and resilience (timeouts, retries with
/// backoff on 429/5xx, circuit breaker) come from <see cref="Hosting.NukiServiceCollectionExtensions.AddNukiClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, NukiOptions)"/>.
/// </summary>
public sealed class NukiClient(HttpClient http) : INukiClient
{
    /// <summary>Auth type of a keypad code.</summary>
    private const int KeypadCodeType = 13;

    /// <summary>Every day of the week (Mon 64 … Sun 1).</summary>
    private const int AllWeekDays = 127;

    private const int MaxLoggedBody = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<bool> VerifyCredentialsAsync(string apiToken, CancellationToken cancellationToken = default)
    {
        try
        {
            await ListSmartlocksAsync(apiToken, cancellationToken);
            return true;
        }
        catch (NukiException e) when (e.Kind is NukiErrorKind.InvalidCredentials or NukiErrorKind.Forbidden)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<NukiSmartlock>> ListSmartlocksAsync(string apiToken, CancellationToken cancellationToken = default)
    {
        var locks = await SendAsync<List<SmartlockDto>>(HttpMethod.Get, "smartlock", apiToken, null, cancellationToken);
        return [.. locks.Select(ToSmartlock)];
    }

    public async Task<NukiSmartlock> GetSmartlockAsync(string apiToken, long smartlockId, CancellationToken cancellationToken = default) =>
        ToSmartlock(await SendAsync<SmartlockDto>(HttpMethod.Get, LockPath(smartlockId), apiToken, null, cancellationToken));

    public async Task<IReadOnlyList<NukiKeypadCode>> ListKeypadCodesAsync(string apiToken, long smartlockId, CancellationToken cancellationToken = default)
    {
        var auths = await SendAsync<List<AuthDto>>(HttpMethod.Get, $"{LockPath(smartlockId)}/auth?types={KeypadCodeType}", apiToken, null, cancellationToken);
        return [.. auths
            .Where(a => a.Type == KeypadCodeType && a.Code is not null)
            .Select(a => new NukiKeypadCode(a.Id, a.SmartlockId, a.Name ?? "", a.Code!.Value, a.Enabled, a.AllowedFromDate, a.AllowedUntilDate, a.OperationId))];
    }

    public Task CreateKeypadCodeAsync(string apiToken, long smartlockId, NukiKeypadCodeRequest request, CancellationToken cancellationToken = default)
    {
        NukiCodeRules.Validate(request);
        return SendAsync<object>(HttpMethod.Put, $"{LockPath(smartlockId)}/auth", apiToken, ToBody(request), cancellationToken);
    }

    public Task UpdateKeypadCodeAsync(string apiToken, long smartlockId, string codeId, NukiKeypadCodeRequest request, CancellationToken cancellationToken = default)
    {
        NukiCodeRules.Validate(request);
        return SendAsync<object>(HttpMethod.Post, $"{LockPath(smartlockId)}/auth/{CodePath(codeId)}", apiToken, ToBody(request), cancellationToken);
    }

    public Task DeleteKeypadCodeAsync(string apiToken, long smartlockId, string codeId, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, $"{LockPath(smartlockId)}/auth/{CodePath(codeId)}", apiToken, null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string apiToken, object? body, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiToken);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new NukiException(NukiErrorKind.Unavailable, $"The Nuki Web API is unreachable ({method} {path}).", innerException: e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var kind = NukiException.KindOf(response.StatusCode);
                throw new NukiException(kind, $"The Nuki Web API answered {(int)response.StatusCode} to {method} {path.Split('?')[0]}.",
                    response.StatusCode, text.Length > MaxLoggedBody ? text[..MaxLoggedBody] : text);
            }

            if (typeof(T) == typeof(object))
            {
                return null!;
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    ?? throw new NukiException(NukiErrorKind.Unexpected, $"The Nuki Web API answered an empty body to {method} {path}.", response.StatusCode);
            }
            catch (JsonException e)
            {
                throw new NukiException(NukiErrorKind.Unexpected, $"The Nuki Web API answered an unreadable body to {method} {path}.", response.StatusCode, innerException: e);
            }
        }
    }

    private static string LockPath(long smartlockId) => "smartlock/" + smartlockId.ToString(CultureInfo.InvariantCulture);

    private static string CodePath(string codeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(codeId);
        return Uri.EscapeDataString(codeId);
    }

    private static NukiSmartlock ToSmartlock(SmartlockDto dto) => new(
        dto.SmartlockId,
        dto.Name ?? "",
        dto.Type,
        dto.State?.State,
        dto.State?.DoorState,
        dto.State?.BatteryCharge,
        dto.State?.BatteryCritical ?? false,
        dto.Config is { } config && (config.KeypadPaired || config.Keypad2Paired),
        dto.ServerState == OfflineServerState,
        dto.UpdateDate);

    /// <summary>The full object, as Nuki clears whatever an update omits; dates in the <c>…:SS.000Z</c> form Nuki documents.</summary>
    private static AuthWriteDto ToBody(NukiKeypadCodeRequest request) => new(
        request.Name,
        KeypadCodeType,
        request.Code,
        request.Enabled,
        RemoteAllowed: false,
        FormatDate(request.AllowedFrom),
        FormatDate(request.AllowedUntil),
        AllWeekDays,
        AllowedFromTime: 0,
        AllowedUntilTime: 0);

    private static string? FormatDate(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Nuki's <c>serverState</c> for a lock its server cannot reach.</summary>
    private const int OfflineServerState = 4;

    private sealed record SmartlockDto(long SmartlockId, string? Name, int Type, int ServerState, SmartlockConfigDto? Config, SmartlockStateDto? State, DateTimeOffset? UpdateDate);

    private sealed record SmartlockConfigDto(bool KeypadPaired, bool Keypad2Paired);

    private sealed record SmartlockStateDto(int? State, int? DoorState, int? BatteryCharge, bool BatteryCritical);

    private sealed record AuthDto(string Id, long SmartlockId, int Type, string? Name, int? Code, bool Enabled, DateTimeOffset? AllowedFromDate, DateTimeOffset? AllowedUntilDate, string? OperationId);

    private sealed record AuthWriteDto(
        string Name,
        int Type,
        int Code,
        bool Enabled,
        bool RemoteAllowed,
        string? AllowedFromDate,
        string? AllowedUntilDate,
        int AllowedWeekDays,
        int AllowedFromTime,
        int AllowedUntilTime);
}
