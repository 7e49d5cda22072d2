using Kasify.Api.Identity;
using Kasify.Api.Rentals;

namespace Kasify.Api.Endpoints;

/// <summary>Maps every business endpoint, at the root and again under <c>/v1</c>.</summary>
internal static class KasifyEndpoints
{
    public static IEndpointRouteBuilder MapKasifyApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "", "/v1" })
        {
            var group = app.MapGroup(prefix);
            MapFeatures(group);
        }

        return app;
    }

    private static void MapFeatures(RouteGroupBuilder group)
    {
        group.MapAuthApi();
        group.MapAccountApi();
        group.MapAccessTokensApi();
        group.MapUsersApi();
        group.MapPropertiesApi();
    }
}
