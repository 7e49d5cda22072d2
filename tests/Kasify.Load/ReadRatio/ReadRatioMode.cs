using System.Globalization;
using System.Net.Http.Headers;

namespace Kasify.Load.ReadRatio;

/// <summary>
/// The read-ratio mode: how close the API's reads come to a bare Kestrel endpoint answering the same bytes, measured in
/// the same run with the same client. For <c>GET /v1/properties/{id}/smartlocks</c> and <c>GET /v1/properties/{id}</c>,
/// on one hot property and spread over <c>--properties</c> properties, it captures one real answer, has the
/// <see cref="BareEndpoint"/> replay it, and lets the API and the bare endpoint take turns (<c>--rounds</c> slices each,
/// <c>--seconds</c> in all per target) under <c>--concurrency</c> (default 64) connections, each target through its own
/// client made by <see cref="LoadHttp"/> with the same settings and the same requests (paths and token). Exit code 2
/// when the setup fails, 1 when the API rate-limited the measured reads (the figures then describe the limiter).
/// </summary>
internal static class ReadRatioMode
{
    public static async Task<int> RunAsync(HttpClient http, LoadOptions options, ReadRatioOptions readOptions)
    {
        IReadOnlyList<string> tokens = [options.Token!, .. readOptions.ExtraTokens];
        if (tokens.Count < readOptions.AccountsNeeded)
        {
            Console.Error.WriteLine(
                $"{readOptions.Properties} properties with {readOptions.LocksPerProperty} lock(s) each need {readOptions.AccountsNeeded} users "
                + $"(a Nuki integration gives the run at most {ReadRatioOptions.LocksPerAccount} locks); give {readOptions.AccountsNeeded - 1} more "
                + "tokens with --extra-tokens t2,t3,... (see the README), or fewer --properties.");
            return 2;
        }

        using var fake = new NukiFakeAdmin(readOptions.NukiFake);
        IReadOnlyList<ReadRatioProperty> properties;
        try
        {
            properties = await new ReadRatioSetup(http, readOptions, tokens, fake).RunAsync();
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"setup failed: {exception.Message}");
            return 2;
        }

        try
        {
            return await MeasureAsync(options, readOptions, properties);
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine($"measurement failed: {exception.Message}");
            return 2;
        }
        finally
        {
            if (!readOptions.KeepSetup)
            {
                await ReadRatioSetup.TearDownAsync(http, properties);
            }
        }
    }

    private static async Task<int> MeasureAsync(LoadOptions options, ReadRatioOptions readOptions, IReadOnlyList<ReadRatioProperty> properties)
    {
        await using var bare = await BareEndpoint.StartAsync();
        using var apiClient = LoadHttp.Create(options.BaseAddress, token: null, options.Concurrency);
        using var bareClient = LoadHttp.Create(bare.BaseAddress, token: null, options.Concurrency);
        Console.WriteLine(
            $"read-ratio: {options.Concurrency} connections per target, {options.Duration.TotalSeconds:F0} s measured per target and case "
            + $"in {readOptions.Rounds} alternating slices, after {readOptions.Warmup.TotalSeconds:F0} s warm-up each; "
            + $"bare endpoint {bare.BaseAddress} (Kestrel in this process)");

        var table = new TextTable(
            "case", "properties", "bytes", "api req/s", "api p50 ms", "api p99 ms", "bare req/s", "bare p50 ms", "bare p99 ms", "api/bare");
        var notes = new List<string>();
        var apiMeasurements = new List<Measurement>();
        // The first two are floors to read the others by: the API host's pipeline alone (anonymous, no grain) and the
        // same plus one call to a silo over the gateway (anonymous, no grain state).
        (string Name, Func<string, string> Path, bool PerProperty)[] endpoints =
        [
            ("GET /health (floor: no auth, no grain)", _ => "/health", false),
            ("GET /health/ready (floor: one silo call)", _ => "/health/ready", false),
            ("GET /v1/properties/{id}/smartlocks", id => $"/v1/properties/{id}/smartlocks", true),
            ("GET /v1/properties/{id}", id => $"/v1/properties/{id}", true),
        ];
        foreach (var (name, path, perProperty) in endpoints)
        {
            foreach (var set in !perProperty || properties.Count == 1 ? [properties.Take(1).ToList()] : new[] { properties.Take(1).ToList(), properties })
            {
                var requests = set.Select(property => (Path: path(property.Id), Token: perProperty ? property.Token : null)).ToArray();
                var captured = await CaptureAsync(apiClient, requests[0].Path, requests[0].Token);
                bare.Serve(captured);
                Task<int> Send(HttpClient client, Random random)
                {
                    var (requestPath, token) = requests[random.Next(requests.Length)];
                    return LoadHttp.GetAsync(client, requestPath, token);
                }

                var (api, bareResult) = await TakeTurnsAsync(
                    random => Send(apiClient, random), random => Send(bareClient, random), options, readOptions);
                table.Add(
                    name,
                    perProperty ? set.Count.ToString("N0", CultureInfo.InvariantCulture) : "-",
                    captured.Body.Length.ToString(CultureInfo.InvariantCulture),
                    api.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    api.Percentile(0.50).ToString("F2", CultureInfo.InvariantCulture),
                    api.Percentile(0.99).ToString("F2", CultureInfo.InvariantCulture),
                    bareResult.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    bareResult.Percentile(0.50).ToString("F2", CultureInfo.InvariantCulture),
                    bareResult.Percentile(0.99).ToString("F2", CultureInfo.InvariantCulture),
                    (bareResult.PerSecond > 0 ? api.PerSecond / bareResult.PerSecond : 0).ToString("F2", CultureInfo.InvariantCulture) + "x");
                if (api.Unexpected(200) + bareResult.Unexpected(200) > 0)
                {
                    notes.Add($"{name} on {set.Count} properties: api {api.StatusText}; bare {bareResult.StatusText}");
                }

                apiMeasurements.Add(api);
            }
        }

        table.Print();
        notes.ForEach(note => Console.WriteLine($"NOT ALL 200: {note}"));
        return RateLimitNotice.PrintIfLimited(RateLimitNotice.UserLimits, [.. apiMeasurements]) ? 1 : 0;
    }

    // One unmeasured warm-up per target (connections opened, grains active), then the targets take turns, the first
    // going first in even rounds and second in odd ones, so a drift of the machine's load hits both alike.
    private static async Task<(Measurement Api, Measurement Bare)> TakeTurnsAsync(
        Func<Random, Task<int>> api, Func<Random, Task<int>> bare, LoadOptions options, ReadRatioOptions readOptions)
    {
        await ClosedLoop.RunAsync(options.Concurrency, readOptions.Warmup, api);
        await ClosedLoop.RunAsync(options.Concurrency, readOptions.Warmup, bare);
        var slice = options.Duration / readOptions.Rounds;
        var apiSlices = new List<Measurement>();
        var bareSlices = new List<Measurement>();
        for (var round = 0; round < readOptions.Rounds; round++)
        {
            if (round % 2 == 0)
            {
                apiSlices.Add(await ClosedLoop.RunAsync(options.Concurrency, slice, api));
                bareSlices.Add(await ClosedLoop.RunAsync(options.Concurrency, slice, bare));
            }
            else
            {
                bareSlices.Add(await ClosedLoop.RunAsync(options.Concurrency, slice, bare));
                apiSlices.Add(await ClosedLoop.RunAsync(options.Concurrency, slice, api));
            }
        }

        return (Measurement.Combine(apiSlices), Measurement.Combine(bareSlices));
    }

    private static async Task<CapturedResponse> CaptureAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: HTTP {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return new CapturedResponse(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", response.Headers.TransferEncodingChunked == true);
    }
}
