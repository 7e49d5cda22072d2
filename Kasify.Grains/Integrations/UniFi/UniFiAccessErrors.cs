using System.Net;

namespace Kasify.Grains.Integrations.UniFi;

/// <summary>Maps the console's envelope codes and HTTP statuses to <see cref="UniFiAccessError"/>.</summary>
internal static class UniFiAccessErrors
{
    /// <summary>The envelope code decides when it is known; the HTTP status otherwise (their pairing is undocumented).</summary>
    public static UniFiAccessError From(string? code, HttpStatusCode status) => code switch
    {
        "CODE_AUTH_FAILED" or "CODE_ACCESS_TOKEN_INVALID" => UniFiAccessError.InvalidCredentials,
        "CODE_UNAUTHORIZED" or "CODE_OPERATION_FORBIDDEN" => UniFiAccessError.PermissionDenied,
        "CODE_CREDS_PIN_CODE_CREDS_ALREADY_EXIST" => UniFiAccessError.PinConflict,
        "CODE_CREDS_PIN_CODE_CREDS_LENGTH_INVALID" => UniFiAccessError.PinLengthInvalid,
        "CODE_RESOURCE_NOT_FOUND" or "CODE_NOT_EXISTS" => UniFiAccessError.NotFound,
        "CODE_DEVICE_DEVICE_NOT_FOUND" or "CODE_DEVICE_DEVICE_OFFLINE" or "CODE_DEVICE_DEVICE_BUSY"
            or "CODE_SPACE_DEVICE_BOUND_LOCATION_NOT_FOUND" => UniFiAccessError.DeviceUnavailable,
        "CODE_DEVICE_API_NOT_SUPPORTED" or "CODE_OTHERS_UID_ADOPTED_NOT_SUPPORTED" => UniFiAccessError.NotSupported,
        "CODE_PARAMS_INVALID" => UniFiAccessError.InvalidRequest,
        _ => FromStatus(status),
    };

    private static UniFiAccessError FromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => UniFiAccessError.InvalidCredentials,
        HttpStatusCode.Forbidden => UniFiAccessError.PermissionDenied,
        HttpStatusCode.NotFound => UniFiAccessError.NotFound,
        HttpStatusCode.BadRequest or HttpStatusCode.PaymentRequired => UniFiAccessError.InvalidRequest,
        HttpStatusCode.TooManyRequests => UniFiAccessError.RateLimited,
        _ => UniFiAccessError.ServerError,
    };
}
