using Kasify.Api.Errors;
using Kasify.Grains.Interfaces.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Kasify.Api.Validation;

/// <summary>
/// Checks every request before its endpoint runs: the body may be at most <see cref="MaxBodyBytes"/> unless the endpoint
/// declares its own limit (the cover image upload), and the query string must be text (<see cref="QueryText"/>).
/// </summary>
internal sealed class RequestChecksMiddleware(RequestDelegate next)
{
    /// <summary>The largest request body an endpoint without its own limit reads: 256 KB, far above any JSON body Kasify takes.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        // Endpoints with their own limit get it from endpoint routing, which sets it for the server from the metadata.
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null)
        {
            // A declared length is refused before a byte is read; the server enforces the limit on chunked bodies.
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }
        }

        var errors = QueryText.Check(context.Request.QueryString.Value);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(ProblemCodes.ValidationFailed, "Invalid query parameters.", errors);
        }

        return next(context);
    }
}
