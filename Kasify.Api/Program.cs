using Kasify.Api.Auth;
using Kasify.Api.Endpoints;
using Kasify.Api.Errors;
using Kasify.Api.Health;
using Kasify.Api.Hosting;
using Kasify.Api.Integrations;
using Kasify.Api.Json;
using Kasify.Api.OpenApi;
using Kasify.Api.RateLimiting;
using Kasify.Api.Telemetry;
using Kasify.Api.Validation;

var builder = WebApplication.CreateBuilder(args);
builder.UseKasifyDefaultUrls();
builder.AddReloadingDevelopmentSigningKeys();
builder.AddKasifyOrleansClient();
builder.AddKasifyApiTelemetry();
builder.Services.ConfigureHttpJsonOptions(options => KasifyJson.Configure(options.SerializerOptions));
builder.Services.AddKasifyErrorHandling();
builder.Services.AddKasifyAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddKasifyForwardedHeaders(builder.Configuration);
builder.Services.AddKasifyRateLimiting(builder.Configuration);
builder.Services.AddKasifyOpenApi();
builder.Services.AddKasifyHealthChecks();
builder.Services.AddIntegrationHandlers();

var app = builder.Build();
app.UseKasifyForwardedHeaders();
app.UseKasifyErrorHandling();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication (tokens are limited per token id), before authorization (rejected requests count too)
app.UseAuthorization();
app.UseKasifyRequestChecks();
app.UseClusterAvailability();

app.MapKasifyOpenApi();
app.MapKasifyHealth();
app.MapKasifyApi();

app.Run();

/// <summary>The API host. Public so tests can host it through <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
