using Kasify.Api.AccessCodes;
using Kasify.Api.Accounts;
using Kasify.Api.Bookings;
using Kasify.Api.Calendar;
using Kasify.Api.Channels;
using Kasify.Api.CheckIn;
using Kasify.Api.Crew;
using Kasify.Api.Geo;
using Kasify.Api.Identity;
using Kasify.Api.Integrations;
using Kasify.Api.Readiness;
using Kasify.Api.Rentals;
using Kasify.Api.SmartLocks;
using Kasify.Api.Tasks;
using Kasify.Api.Timeline;

namespace Kasify.Api.Endpoints;

/// <summary>
/// Maps every business endpoint under <c>/v1</c> and again at the root (the older documentation's paths). The OpenAPI
/// document and endpoint names belong to the <c>/v1</c> routes; the root aliases are unnamed and left out of the document,
/// so operation ids stay unique.
/// </summary>
internal static class KasifyEndpoints
{
    public static IEndpointRouteBuilder MapKasifyApi(this IEndpointRouteBuilder app)
    {
        MapFeatures(app.MapGroup("/v1"));

        var aliases = app.MapGroup("").ExcludeFromDescription();
        ((IEndpointConventionBuilder)aliases).Finally(endpoint =>
        {
            foreach (var name in endpoint.Metadata.Where(item => item is IEndpointNameMetadata or IRouteNameMetadata).ToList())
            {
                endpoint.Metadata.Remove(name);
            }
        });
        MapFeatures(aliases);
        return app;
    }

    private static void MapFeatures(RouteGroupBuilder group)
    {
        group.MapAuthApi();
        group.MapAccountApi();
        group.MapAccessTokensApi();
        group.MapUsersApi();
        group.MapPropertiesApi();
        group.MapBookingsApi();
        group.MapGeoApi();
        group.MapCalendarApi();
        group.MapTimelineApi();
        group.MapCheckinApi();
        group.MapIntegrationsApi();
        group.MapSmartLocksApi();
        group.MapAccessCodesApi();
        group.MapCrewApi();
        group.MapTasksApi();
        group.MapReadinessApi();
        group.MapChannelCalendarsApi();
        group.MapChannelExposureApi();
        group.MapChannelExportApi();
    }
}
