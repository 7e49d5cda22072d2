using System.Net;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// A SES.HOSPEDAJES call failed. <see cref="Code"/> is the typed reason; <see cref="MinistryCode"/> and
/// <see cref="MinistryText"/> keep what the Ministry answered, verbatim.
/// </summary>
public sealed class SesException : Exception
{
    public SesException(SesErrorCode code, string message, int? ministryCode = null, string? ministryText = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        MinistryCode = ministryCode;
        MinistryText = ministryText;
        StatusCode = statusCode;
    }

    public SesException()
        : this(SesErrorCode.Unknown, "The SES.HOSPEDAJES call failed.")
    {
    }

    public SesException(string message)
        : this(SesErrorCode.Unknown, message)
    {
    }

    public SesException(string message, Exception innerException)
        : this(SesErrorCode.Unknown, message, innerException: innerException)
    {
    }

    /// <summary>The typed reason.</summary>
    public SesErrorCode Code { get; }

    /// <summary>The Ministry's <c>codigo</c>, when it answered with one.</summary>
    public int? MinistryCode { get; }

    /// <summary>The Ministry's <c>descripcion</c>, when it answered with one.</summary>
    public string? MinistryText { get; }

    /// <summary>The HTTP status, when the server answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether trying again later may succeed; Ministry 101xx codes need the request fixed.</summary>
    public bool IsTransient => Code is SesErrorCode.Unavailable or SesErrorCode.Unhandled;

    /// <summary>The typed reason for a Ministry <c>codigo</c>.</summary>
    public static SesErrorCode CodeOf(int ministryCode) => ministryCode switch
    {
        // The spec's examples misprint 10111 as 109.
        109 => SesErrorCode.SolicitudEncoding,
        _ when Enum.IsDefined(typeof(SesErrorCode), ministryCode) && ministryCode >= 0 => (SesErrorCode)ministryCode,
        _ => SesErrorCode.Unknown,
    };

    /// <summary>The exception for a Ministry answer with a non-zero <c>codigo</c>.</summary>
    public static SesException FromMinistry(int ministryCode, string? ministryText) =>
        new(CodeOf(ministryCode), $"SES.HOSPEDAJES answered {ministryCode}: {ministryText}", ministryCode, ministryText);
}
