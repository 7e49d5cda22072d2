using System.Diagnostics;
using Kasify.Hosting.Telemetry;

namespace Kasify.Api.Tests.Telemetry;

public sealed class GrainKeyRedactionProcessorTests : IDisposable
{
    private const string Secret = "channelexporttoken/k3J9-secret-export-token";
    private const string Booking = "booking/bb79e0ec30494312a7e2a939168a2322";

    private const string GrainIdTag = "orleans.grain.id";
    private const string TargetIdTag = "orleans.rpc.target_id";
    private const string SourceIdTag = "orleans.rpc.source_id";
    private const string RegisteredAddressTag = "orleans.directory.registered.address";
    private const string ExceptionMessageTag = "exception.message";

    private readonly ActivitySource _orleans = new("Microsoft.Orleans.Tests.Redaction");
    private readonly ActivitySource _other = new("Kasify.Tests.Redaction");
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name.EndsWith(".Redaction", StringComparison.Ordinal),
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public GrainKeyRedactionProcessorTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void StringGrainKeysLeaveOrleansSpansWhereverTheyAreMentioned()
    {
        using var span = _orleans.StartActivity("IChannelExportTokenGrain/ResolveAsync")!;
        span.SetTag(TargetIdTag, Secret);
        span.SetTag(SourceIdTag, Booking);
        span.SetTag(RegisteredAddressTag, $"[GrainAddress GrainId {Secret}, ActivationId: @1519, SiloAddress: S127.0.0.1:11111:0]");
        span.SetTag(ExceptionMessageTag, $"Grain {Secret} failed");
        span.SetStatus(ActivityStatusCode.Error, $"Grain {Secret} failed");
        span.Stop();

        using var processor = new GrainKeyRedactionProcessor();
        processor.OnEnd(span);

        Assert.Equal("channelexporttoken/redacted", span.GetTagItem(TargetIdTag));
        Assert.Equal(Booking, span.GetTagItem(SourceIdTag));
        Assert.Equal(
            "[GrainAddress GrainId channelexporttoken/redacted, ActivationId: @1519, SiloAddress: S127.0.0.1:11111:0]",
            span.GetTagItem(RegisteredAddressTag));
        Assert.Equal("Grain channelexporttoken/redacted failed", span.GetTagItem(ExceptionMessageTag));
        Assert.Equal("Grain channelexporttoken/redacted failed", span.StatusDescription);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Theory]
    [InlineData("booking/bb79e0ec30494312a7e2a939168a2322", "booking/bb79e0ec30494312a7e2a939168a2322")]
    [InlineData("bookingarchive/bb79e0ec30494312a7e2a939168a2322+2026", "bookingarchive/bb79e0ec30494312a7e2a939168a2322+2026")]
    [InlineData("checkincodeindex/482913", "checkincodeindex/redacted")]
    [InlineData("subjectindex/https://identity.kasify.test|test|abc", "subjectindex/redacted")]
    [InlineData("invitationindex/BB79E0EC30494312A7E2A939168A2322", "invitationindex/redacted")]
    [InlineData("no grain id here", "no grain id here")]
    public void OnlyGuidKeysAreKept(string grainId, string exported) =>
        Assert.Equal(exported, GrainKeyRedactionProcessor.Redact(grainId));

    [Fact]
    public void SpansOfOtherSourcesAreLeftAlone()
    {
        using var span = _other.StartActivity("work")!;
        span.SetTag(GrainIdTag, Secret);
        span.Stop();

        using var processor = new GrainKeyRedactionProcessor();
        processor.OnEnd(span);

        Assert.Equal(Secret, span.GetTagItem(GrainIdTag));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _orleans.Dispose();
        _other.Dispose();
    }
}
