using System.Diagnostics;
using System.Net;
using Kasify.Hosting.Telemetry;
using Kasify.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Kasify.Api.Tests.Telemetry;

/// <summary>What <see cref="KasifyTelemetryExtensions.AddKasifyTelemetry"/> exports, where, and under which name.</summary>
public sealed class KasifyTelemetryTests
{
    [Fact]
    public void WithoutAnOtlpEndpointNoExporterIsRegistered()
    {
        var builder = CreateBuilder();

        builder.AddKasifyTelemetry("kasify-silo");

        Assert.DoesNotContain(builder.Services, IsOtlpExporterService);
        Assert.False(KasifyTelemetryExtensions.IsOtlpExportEnabled(builder.Configuration));
    }

    [Fact]
    public void HostsCollectOnlyWhenAnEndpointOrTheSettingAsksForIt()
    {
        Assert.False(KasifyTelemetryExtensions.IsEnabled(CreateBuilder().Configuration));
        Assert.False(KasifyTelemetryExtensions.IsEnabled(CreateBuilder((KasifyTelemetryExtensions.EnabledSetting, "false")).Configuration));
        Assert.True(KasifyTelemetryExtensions.IsEnabled(CreateBuilder((KasifyTelemetryExtensions.EnabledSetting, "true")).Configuration));
        Assert.True(KasifyTelemetryExtensions.IsEnabled(CreateBuilder((KasifyTelemetryExtensions.OtlpEndpointVariable, "http://127.0.0.1:4317")).Configuration));
    }

    [Fact]
    public async Task WithAnOtlpEndpointSpansAreExportedToIt()
    {
        var port = FreePort.Next();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var builder = CreateBuilder(
            (KasifyTelemetryExtensions.OtlpEndpointVariable, $"http://127.0.0.1:{port}"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        builder.AddKasifyTelemetry("kasify-silo");
        using var host = builder.Build();
        await host.StartAsync();
        using (var source = new ActivitySource("Kasify.Tests.Telemetry"))
        using (source.StartActivity("probe"))
        {
        }

        // The exporter waits for the collector's answer, so the flush runs beside the collector loop.
        var flush = Task.Run(() => host.Services.GetRequiredService<TracerProvider>().ForceFlush());
        var paths = new List<string>();
        while (!paths.Contains("/v1/traces"))
        {
            var request = await collector.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(30));
            paths.Add(request.Request.Url!.AbsolutePath);
            request.Response.StatusCode = (int)HttpStatusCode.OK;
            request.Response.Close();
        }

        Assert.True(await flush);
        Assert.Contains(builder.Services, IsOtlpExporterService);
        await host.StopAsync();
    }

    [Fact]
    public void TheServiceIsNamedByTheHost()
    {
        var builder = CreateBuilder();

        builder.AddKasifyTelemetry("kasify-silo");

        Assert.Equal("kasify-silo", ServiceName(builder));
    }

    [Fact]
    public void OtelServiceNameOverridesTheHostsName()
    {
        var builder = CreateBuilder((KasifyTelemetryExtensions.ServiceNameVariable, "kasify-silo-eu"));

        builder.AddKasifyTelemetry("kasify-silo");

        Assert.Equal("kasify-silo-eu", ServiceName(builder));
    }

    // No defaults: the machine's own OTEL_* environment variables must not reach these hosts.
    private static HostApplicationBuilder CreateBuilder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)));
        return builder;
    }

    private static string? ServiceName(HostApplicationBuilder builder)
    {
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<TracerProvider>().GetResource().Attributes
            .Where(attribute => attribute.Key == "service.name")
            .Select(attribute => attribute.Value as string)
            .Single();
    }

    private static bool IsOtlpExporterService(ServiceDescriptor descriptor) =>
        new[] { descriptor.ServiceType, descriptor.ImplementationType }
            .OfType<Type>()
            .SelectMany(type => type.GenericTypeArguments.Prepend(type))
            .Any(type => type.Assembly == typeof(OtlpExporterOptions).Assembly);
}
