namespace Kasify.Fakes.UniFi;

/// <summary>An error the fake answers with: the HTTP status and the envelope's <c>code</c> and <c>msg</c>.</summary>
public sealed record UniFiFakeError(int Status, string Code, string Message)
{
    public static readonly UniFiFakeError AuthFailed = new(401, "CODE_AUTH_FAILED", "Authentication failed.");
    public static readonly UniFiFakeError Unauthorized = new(403, "CODE_UNAUTHORIZED", "The token lacks permission for this action.");
    public static readonly UniFiFakeError ParamsInvalid = new(400, "CODE_PARAMS_INVALID", "The provided parameters are invalid.");
    public static readonly UniFiFakeError SystemError = new(500, "CODE_SYSTEM_ERROR", "An error occurred on the server.");
    public static readonly UniFiFakeError TooManyRequests = new(429, "CODE_SYSTEM_ERROR", "Too many requests.");

    // The real console pairs some envelope errors with HTTP 200 (reference §2); the fake does so for these.
    public static readonly UniFiFakeError NotFound = new(200, "CODE_RESOURCE_NOT_FOUND", "The resource does not exist.");
    public static readonly UniFiFakeError PinExists = new(200, "CODE_CREDS_PIN_CODE_CREDS_ALREADY_EXIST", "The PIN is already in use.");
    public static readonly UniFiFakeError PinLengthInvalid = new(400, "CODE_CREDS_PIN_CODE_CREDS_LENGTH_INVALID", "The PIN length is invalid.");
    public static readonly UniFiFakeError DeviceOffline = new(200, "CODE_DEVICE_DEVICE_OFFLINE", "The device is offline.");
}
