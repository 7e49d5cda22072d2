using System.Net;

namespace Kasify.Grains.Integrations.Nuki;

/// <summary>A Nuki Web API call failed; <see cref="Kind"/> says how, <see cref="ResponseBody"/> keeps the vendor's body verbatim for logs.</summary>
public sealed class NukiException : Exception
{
    public NukiException(NukiErrorKind kind, string message, HttpStatusCode? statusCode = null, string? responseBody = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    public NukiException()
        : this(NukiErrorKind.Unexpected, "The Nuki Web API call failed.")
    {
    }

    public NukiException(string message)
        : this(NukiErrorKind.Unexpected, message)
    {
    }

    public NukiException(string message, Exception innerException)
        : this(NukiErrorKind.Unexpected, message, innerException: innerException)
    {
    }

    /// <summary>How the call failed.</summary>
    public NukiErrorKind Kind { get; }

    /// <summary>The vendor's status code, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The vendor's response body (truncated), when it answered.</summary>
    public string? ResponseBody { get; }

    /// <summary>Whether trying again later may succeed (pending operation or vendor unavailable).</summary>
    public bool IsTransient => Kind is NukiErrorKind.Pending or NukiErrorKind.Unavailable;

    /// <summary>The kind for a vendor status code.</summary>
    public static NukiErrorKind KindOf(HttpStatusCode statusCode) => (int)statusCode switch
    {
        400 => NukiErrorKind.InvalidRequest,
        401 => NukiErrorKind.InvalidCredentials,
        402 or 426 => NukiErrorKind.AccountRestricted,
        403 => NukiErrorKind.Forbidden,
        404 => NukiErrorKind.NotFound,
        409 => NukiErrorKind.DuplicateCode,
        422 => NukiErrorKind.Unprocessable,
        423 => NukiErrorKind.Pending,
        408 or 429 or >= 500 => NukiErrorKind.Unavailable,
        _ => NukiErrorKind.Unexpected,
    };
}
