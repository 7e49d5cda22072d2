using System.Diagnostics.Metrics;
using System.Net;
using Kasify.Fakes.Nuki;
using Kasify.Grains.Hosting;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Kasify.Grains.Tests.Telemetry;

/// <summary>The <c>kasify.vendor.duration</c> histogram, from a real Nuki client and from a client whose vendor answers as told.</summary>
public sealed class VendorTelemetryTests
{
    [Fact]
    public async Task ANukiCallIsRecordedAsASuccessOfVendorNuki()
    {
        await using var nuki = new NukiFakeServer();
        var baseUrl = await nuki.StartAsync();
        nuki.State.AddAccount("nuki-metrics-token");
        await using var services = new ServiceCollection()
            .AddNukiClient(new NukiOptions { BaseUrl = baseUrl })
            .BuildServiceProvider();
        using var durations = Collect(services);

        Assert.True(await services.GetRequiredService<INukiClient>().VerifyCredentialsAsync("nuki-metrics-token"));

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(VendorNames.Nuki, measurement.Tags[VendorMetrics.VendorTag]);
        Assert.Equal(VendorMetrics.Success, measurement.Tags[VendorMetrics.OutcomeTag]);
        Assert.Equal(200, measurement.Tags[VendorMetrics.StatusCodeTag]);
        Assert.True(measurement.Value >= 0);
    }

    [Fact]
    public async Task AnErrorStatusIsRecordedAsAnErrorWithItsCode()
    {
        await using var services = ClientAnswering(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var durations = Collect(services);

        using var response = await Client(services).GetAsync(new Uri("http://vendor.test/status"));

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(VendorNames.Ses, measurement.Tags[VendorMetrics.VendorTag]);
        Assert.Equal(VendorMetrics.Error, measurement.Tags[VendorMetrics.OutcomeTag]);
        Assert.Equal(503, measurement.Tags[VendorMetrics.StatusCodeTag]);
    }

    [Fact]
    public async Task AFailedConnectionIsRecordedAsAnErrorWithoutStatus()
    {
        await using var services = ClientAnswering(_ => throw new HttpRequestException("connection refused"));
        using var durations = Collect(services);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client(services).GetAsync(new Uri("http://vendor.test/status")));

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(VendorMetrics.Error, measurement.Tags[VendorMetrics.OutcomeTag]);
        Assert.False(measurement.Tags.ContainsKey(VendorMetrics.StatusCodeTag));
    }

    [Fact]
    public async Task ACancelledRequestIsRecordedAsATimeout()
    {
        await using var services = ClientAnswering(_ => throw new TaskCanceledException("attempt timed out"));
        using var durations = Collect(services);

        await Assert.ThrowsAsync<TaskCanceledException>(() => Client(services).GetAsync(new Uri("http://vendor.test/status")));

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(VendorMetrics.Timeout, measurement.Tags[VendorMetrics.OutcomeTag]);
        Assert.False(measurement.Tags.ContainsKey(VendorMetrics.StatusCodeTag));
    }

    private const string ClientName = "vendor";

    private static MetricCollector<double> Collect(IServiceProvider services) =>
        new(services.GetRequiredService<IMeterFactory>(), VendorMetrics.MeterName, VendorMetrics.DurationName);

    private static HttpClient Client(IServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    private static ServiceProvider ClientAnswering(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new AnsweringHandler(answer))
            .AddVendorTelemetry(VendorNames.Ses);
        return services.BuildServiceProvider();
    }

    private sealed class AnsweringHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);
    }
}
