namespace Kasify.Api.Validation;

/// <summary>Adds <see cref="RequestChecksMiddleware"/> to the pipeline.</summary>
internal static class RequestChecksExtensions
{
    /// <summary>After routing (the checks read the endpoint's own body limit) and before the endpoints.</summary>
    public static IApplicationBuilder UseKasifyRequestChecks(this IApplicationBuilder app) => app.UseMiddleware<RequestChecksMiddleware>();
}
