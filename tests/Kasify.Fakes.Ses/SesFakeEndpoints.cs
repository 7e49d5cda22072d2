using System.Xml;
using System.Xml.Linq;

namespace Kasify.Fakes.Ses;

/// <summary>Maps the service endpoint and the fake's own <c>/fake/*</c> admin endpoints onto a <see cref="SesFakeState"/>.</summary>
public static class SesFakeEndpoints
{
    /// <summary>The one path of the web service; every operation is a POST to it.</summary>
    public const string ServicePath = "/hospedajes-web/ws/v1/comunicacion";

    /// <summary>Maps every endpoint of the fake.</summary>
    public static IEndpointRouteBuilder MapSesFake(this IEndpointRouteBuilder app, SesFakeState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);

        app.MapPost(ServicePath, async (HttpContext http) =>
        {
            if (await state.BeforeRequestAsync(http.RequestAborted) is { } failure)
            {
                return Results.Text("<html><body><h1>" + failure + "</h1></body></html>", "text/html", statusCode: failure);
            }

            if (!state.Authenticate(http.Request.Headers.Authorization))
            {
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"hospedajes\"";
                return Results.Text("Unauthorized", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
            }

            XElement? operation;
            try
            {
                var envelope = await XDocument.LoadAsync(http.Request.Body, LoadOptions.None, http.RequestAborted);
                operation = envelope.Root?.Element(SesSoap.Envelope + "Body")?.Elements().FirstOrDefault(e => e.Name.Namespace == SesSoap.Com);
            }
            catch (XmlException exception)
            {
                return Soap(SesSoap.Fault("Client", "Unparsable SOAP envelope: " + exception.Message), StatusCodes.Status500InternalServerError);
            }

            var answer = operation is null ? null : SesFakeOperations.Answer(state, operation);
            return answer is null
                ? Soap(SesSoap.Fault("Client", "No endpoint mapping found for the request"), StatusCodes.Status500InternalServerError)
                : Soap(answer, StatusCodes.Status200OK);
        });

        var admin = app.MapGroup("/fake");
        admin.MapGet("/state", () => Results.Json(new
        {
            requests = state.RequestCount,
            communications = state.Communications.Count,
            lots = state.Lots,
        }));
        admin.MapPost("/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });
        admin.MapGet("/switches", () => Results.Json(Switches(state.Options)));
        admin.MapPost("/switches", (SwitchChange body) =>
        {
            var options = state.Options;
            options.RejectCredentials = body.RejectCredentials ?? options.RejectCredentials;
            options.LatencyMs = body.LatencyMs ?? options.LatencyMs;
            options.ErrorRate = body.ErrorRate ?? options.ErrorRate;
            options.ProcessingDelayMs = body.ProcessingDelayMs ?? options.ProcessingDelayMs;
            options.MisspelledElements = body.MisspelledElements ?? options.MisspelledElements;
            if (body.FailNext is { } count)
            {
                state.FailNext(count, body.FailStatus ?? 503);
            }

            return Results.Json(Switches(options));
        });
        return app;
    }

    private static object Switches(SesFakeOptions options) => new
    {
        rejectCredentials = options.RejectCredentials,
        latencyMs = options.LatencyMs,
        errorRate = options.ErrorRate,
        processingDelayMs = options.ProcessingDelayMs,
        misspelledElements = options.MisspelledElements,
    };

    private static IResult Soap(XDocument document, int status) =>
        Results.Text(document.Declaration is null ? document.ToString(SaveOptions.DisableFormatting) : document.ToString(), "text/xml;charset=utf-8", statusCode: status);

    private sealed record SwitchChange(bool? RejectCredentials, int? LatencyMs, double? ErrorRate, int? ProcessingDelayMs, bool? MisspelledElements, int? FailNext, int? FailStatus);
}
