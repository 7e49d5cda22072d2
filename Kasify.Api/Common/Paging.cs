using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Common;

/// <summary>Turns the <c>page</c> and <c>size</c> query parameters into a checked <see cref="PageRequest"/>.</summary>
internal static class Paging
{
    public static PageRequest ToPageRequest(int? page, int? size)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string[]>();
        if (page is < 0)
        {
            errors["page"] = ["Zero or more."];
        }

        if (size is < 1 or > PageRequest.MaxSize)
        {
            errors["size"] = [$"Between 1 and {PageRequest.MaxSize}."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "Invalid paging parameters.", errors.ToImmutable());
        }

        return new PageRequest(page ?? 0, size ?? PageRequest.DefaultSize);
    }
}
