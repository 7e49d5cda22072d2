using System.Collections.Immutable;
using System.Text.Json;
using Kasify.Api.Hosting;
using Kasify.Api.Json;
using Kasify.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime.Messaging;

namespace Kasify.Api.Errors;

/// <summary>
/// The one place exceptions become responses: grain exceptions keep their code and message, cluster failures
/// become 503/504, request binding failures 400/413/415, and anything else a generic 500 that echoes nothing.
/// </summary>
internal sealed partial class KasifyExceptionHandler(ILogger<KasifyExceptionHandler> logger) : IExceptionHandler
{
    private const string BodyField = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (problem, retryAfter) = Map(exception);
        Log(problem, exception);
        await KasifyProblems.WriteAsync(httpContext, problem, retryAfter);
        return true;
    }

    private static (ProblemDetails Problem, TimeSpan? RetryAfter) Map(Exception exception) => exception switch
    {
        KasifyException kasify => MapKasify(kasify),
        BadHttpRequestException badRequest => (MapBadRequest(badRequest), null),
        TimeoutException => (KasifyProblems.Create(
            StatusCodes.Status504GatewayTimeout, ProblemCodes.ClusterTimeout, "The service did not answer in time."), null),
        _ when IsClusterUnavailable(exception) => (KasifyProblems.Create(
            StatusCodes.Status503ServiceUnavailable, ProblemCodes.ClusterUnavailable, "The service is starting or temporarily unavailable; retry later."),
            KasifyProblems.ClusterRetryAfter),
        _ => (KasifyProblems.Create(
            StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "An unexpected error occurred."), null),
    };

    private static (ProblemDetails, TimeSpan?) MapKasify(KasifyException exception) => exception switch
    {
        RequestValidationException validation => (KasifyProblems.CreateValidation(validation.Code, validation.Message, validation.Errors), null),
        NotFoundException => (KasifyProblems.Create(StatusCodes.Status404NotFound, exception.Code, exception.Message), null),
        ConflictException conflict => (
            WithExtensions(KasifyProblems.Create(StatusCodes.Status409Conflict, exception.Code, exception.Message), conflict.Extensions), null),
        ForbiddenException => (KasifyProblems.Create(StatusCodes.Status403Forbidden, exception.Code, exception.Message), null),
        DomainRuleException => (KasifyProblems.Create(StatusCodes.Status422UnprocessableEntity, exception.Code, exception.Message), null),
        IntegrationUnavailableException => (KasifyProblems.Create(StatusCodes.Status503ServiceUnavailable, exception.Code, exception.Message),
            KasifyProblems.ClusterRetryAfter),
        // A subclass nobody mapped yet is a bug here, not the caller's fault.
        _ => (KasifyProblems.Create(StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "An unexpected error occurred."), null),
    };

    /// <summary>Adds a grain's facts about a failure (e.g. <c>conflicting_booking_id</c>) without touching the standard members.</summary>
    private static ProblemDetails WithExtensions(ProblemDetails problem, ImmutableDictionary<string, string> extensions)
    {
        foreach (var (name, value) in extensions)
        {
            problem.Extensions.TryAdd(name, value);
        }

        return problem;
    }

    private static ProblemDetails MapBadRequest(BadHttpRequestException exception)
    {
        if (FindInner<JsonException>(exception) is { } json)
        {
            var field = FieldName(json.Path);
            var message = field == BodyField ? "The request body is not the JSON document this endpoint expects." : FieldMessage(json);
            return KasifyProblems.CreateValidation(
                ProblemCodes.ValidationFailed, "The request body is not valid.", [new(field, [message])]);
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => KasifyProblems.Create(
                exception.StatusCode, ProblemCodes.UnsupportedMediaType, "Send the request body as application/json."),
            StatusCodes.Status413PayloadTooLarge => KasifyProblems.Create(
                exception.StatusCode, ProblemCodes.RequestTooLarge, "The request body is too large."),
            _ => KasifyProblems.Create(StatusCodes.Status400BadRequest, ProblemCodes.RequestInvalid, "The request could not be read."),
        };
    }

    /// <summary>"$.rooms_count" → "rooms_count", "$.guests[0].name" → "guests[0].name"; the document itself → "body".</summary>
    internal static string FieldName(string? path)
    {
        var field = (path ?? "").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? BodyField : field;
    }

    /// <summary>The field error for a value that could not be read: the wire rule it broke, or a generic message (never the parser's text).</summary>
    internal static string FieldMessage(JsonException exception) =>
        exception is InvalidWireValueException ? exception.Message : "The value is not valid.";

    private static bool IsClusterUnavailable(Exception exception) =>
        FindInner<ClusterUnavailableException>(exception) is not null
        || FindInner<SiloUnavailableException>(exception) is not null
        || FindInner<OrleansMessageRejectionException>(exception) is not null
        || FindInner<ConnectionFailedException>(exception) is not null
        || FindInner<GatewayTooBusyException>(exception) is not null;

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private void Log(ProblemDetails problem, Exception exception)
    {
        switch (problem.Status)
        {
            case >= 500 when problem.Extensions[KasifyProblems.CodeExtension] is ProblemCodes.Internal:
                LogUnhandled(logger, exception);
                break;
            case >= 500:
                LogUnavailable(logger, problem.Extensions[KasifyProblems.CodeExtension], exception.Message);
                break;
            default:
                LogRejected(logger, problem.Status, problem.Extensions[KasifyProblems.CodeExtension], exception.Message);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception; answered 500.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Code}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, object? code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered {Status} {Code}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int? status, object? code, string reason);
}
