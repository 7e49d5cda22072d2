namespace Kasify.Api.Errors;

/// <summary>Problem details for every error response, whoever produces it.</summary>
internal static class ErrorHandlingExtensions
{
    public static IServiceCollection AddKasifyErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = KasifyProblems.Customize);
        services.AddExceptionHandler<KasifyExceptionHandler>();

        // Binding failures then reach KasifyExceptionHandler instead of ending as bare 400s without a body.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Exception handler outermost, then problem bodies for bare status codes (401, 403, 404, 405, …).</summary>
    public static IApplicationBuilder UseKasifyErrorHandling(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
