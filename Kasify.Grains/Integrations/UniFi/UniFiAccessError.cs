namespace Kasify.Grains.Integrations.UniFi;

/// <summary>Why a call to a UniFi Access console failed.</summary>
public enum UniFiAccessError
{
    /// <summary>The API token is missing, wrong, expired or deleted (HTTP 401, <c>CODE_AUTH_FAILED</c>, <c>CODE_ACCESS_TOKEN_INVALID</c>).</summary>
    InvalidCredentials,

    /// <summary>The token lacks the permission for this call (HTTP 403, <c>CODE_UNAUTHORIZED</c>, <c>CODE_OPERATION_FORBIDDEN</c>).</summary>
    PermissionDenied,

    /// <summary>No answer: DNS, an address the outbound policy refuses, connection refused, timeout, or the circuit is open after repeated failures.</summary>
    Unreachable,

    /// <summary>
    /// The server's certificate does not match the pinned fingerprint (or is untrusted with none pinned). Told apart for
    /// logs only: callers treat it as <see cref="Unreachable"/>, since until the pin matches it is not the console answering.
    /// </summary>
    CertificateRejected,

    /// <summary>The PIN is used by another user or visitor (<c>CODE_CREDS_PIN_CODE_CREDS_ALREADY_EXIST</c>): pick another.</summary>
    PinConflict,

    /// <summary>The PIN's length does not match the site's setting (<c>CODE_CREDS_PIN_CODE_CREDS_LENGTH_INVALID</c>).</summary>
    PinLengthInvalid,

    /// <summary>Unknown door or visitor (<c>CODE_RESOURCE_NOT_FOUND</c>, <c>CODE_NOT_EXISTS</c>, HTTP 404).</summary>
    NotFound,

    /// <summary>The device is offline, busy or missing (<c>CODE_DEVICE_*</c>, <c>CODE_SPACE_DEVICE_BOUND_LOCATION_NOT_FOUND</c>).</summary>
    DeviceUnavailable,

    /// <summary>The console rejected the parameters (HTTP 400, <c>CODE_PARAMS_INVALID</c>).</summary>
    InvalidRequest,

    /// <summary>The API is not available on this console or firmware (<c>CODE_DEVICE_API_NOT_SUPPORTED</c>, Identity Enterprise).</summary>
    NotSupported,

    /// <summary>Too many requests (HTTP 429) after retries.</summary>
    RateLimited,

    /// <summary>A server-side failure (HTTP 5xx, <c>CODE_SYSTEM_ERROR</c>) after retries, or any other error code.</summary>
    ServerError,

    /// <summary>The answer was not the documented envelope.</summary>
    UnexpectedResponse,
}
