using System.Globalization;
using Kasify.Load;
using Kasify.Load.BookingScale;
using Kasify.Load.ChannelImport;
using Kasify.Load.CheckinLatency;
using Kasify.Load.LockCodes;
using Kasify.Load.ReadRatio;

// Usage: dotnet run --project tests/Kasify.Load -- --url http://localhost:8080 --path /v1/properties/{id}
//        --token <jwt or kas_pat_...> [--concurrency 16] [--seconds 10] [--max-requests 200000] [--mode get|create-bookings]
//    or: ... --mode lock-codes --token <jwt> [--nuki-token nuki-demo-token] [--locks 3] [--bookings 50] (see LockCodesOptions)
//    or: ... --mode read-ratio --token <jwt> [--extra-tokens <jwt2>,<jwt3>] [--properties 1000] (see ReadRatioOptions)
//    or: ... --mode checkin-latency --token <jwt> [--busy-seconds 30] [--smtp-port 18025] (see CheckinLatencyOptions)
//    or: ... --mode booking-scale --token <jwt> [--bookings 5000] [--sqlite .kasify/kasify.db] (see BookingScaleOptions)
//    or: ... --mode channel-import --token <jwt> [--events 1000] [--rounds 5] (see ChannelImportOptions)
// Exit codes: 0 measured, 1 measured but invalid or inconsistent (see the mode), 2 bad arguments or a failed setup.
var arguments = new LoadArguments(args);
LoadOptions options;
try
{
    options = LoadOptions.Parse(arguments);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"bad arguments: {exception.Message}");
    return 2;
}

using var http = LoadHttp.Create(options.BaseAddress, options.Token, options.Concurrency);
try
{
    switch (options.Mode)
    {
        case LoadMode.LockCodes:
            return await LockCodesMode.RunAsync(http, options, LockCodesOptions.Parse(arguments));
        case LoadMode.ReadRatio:
            return await ReadRatioMode.RunAsync(http, options, ReadRatioOptions.Parse(arguments));
        case LoadMode.CheckinLatency:
            return await CheckinLatencyMode.RunAsync(options, CheckinLatencyOptions.Parse(arguments));
        case LoadMode.BookingScale:
            return await BookingScaleMode.RunAsync(http, options, BookingScaleOptions.Parse(arguments));
        case LoadMode.ChannelImport:
            return await ChannelImportMode.RunAsync(http, options, ChannelImportOptions.Parse(arguments));
        default:
            break;
    }
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"bad arguments: {exception.Message}");
    return 2;
}

// Bookings start on a random far-future day so that runs against the same property do not collide.
var firstNight = new DateOnly(2030, 1, 1).AddDays(Random.Shared.Next(0, 3650));
var nights = 0;
Task<HttpResponseMessage> SendAsync() => options.Mode switch
{
    LoadMode.CreateBookings => http.PostAsync(options.Path, BookingBody(firstNight.AddDays(Interlocked.Increment(ref nights)))),
    _ => http.GetAsync(options.Path),
};

static StringContent BookingBody(DateOnly night) => new(
    $$"""{"from":"{{night:yyyy-MM-dd}}","to":"{{night.AddDays(1):yyyy-MM-dd}}","channel":"manual","adults_count":1}""",
    System.Text.Encoding.UTF8,
    "application/json");

// One warm-up request, so connection set-up and first activation are not measured.
using (var warmup = await SendAsync())
{
    Console.WriteLine($"warm-up: {(int)warmup.StatusCode} {options.Mode} {options.Path}");
}

var measured = await ClosedLoop.RunAsync(options.Concurrency, options.Duration, async _ =>
{
    try
    {
        using var response = await SendAsync();
        await response.Content.LoadIntoBufferAsync();
        return (int)response.StatusCode;
    }
    catch (HttpRequestException)
    {
        return 0;
    }
}, options.MaxRequests);

Console.WriteLine($"mode: {options.Mode}  path: {options.Path}  concurrency: {options.Concurrency}  duration: {measured.Seconds:F1} s");
Console.WriteLine($"requests: {measured.Count}  statuses: {measured.StatusText}");
Console.WriteLine($"throughput: {measured.PerSecond:F0} requests/s");
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"latency ms: p50 {measured.Percentile(0.50):F2}  p90 {measured.Percentile(0.90):F2}  p99 {measured.Percentile(0.99):F2}  max {measured.Max:F2}"));
return 0;
