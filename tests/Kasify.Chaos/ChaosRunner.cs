using System.Diagnostics;
using System.Globalization;
using Kasify.Chaos.Api;
using Kasify.Chaos.Chaos;
using Kasify.Chaos.Cluster;
using Kasify.Chaos.Measurement;
using Kasify.Chaos.Options;
using Kasify.Chaos.Setup;
using Kasify.Chaos.Verification;
using Kasify.Chaos.Workload;
using Kasify.Fakes.Nuki;
using Kasify.Fakes.Ses;
using Kasify.Fakes.UniFi;

namespace Kasify.Chaos;

/// <summary>
/// One load-and-chaos run from start to end: fakes, cluster, setup through the API, the workload while hosts are killed,
/// settle and verification, figures, and the hosts' logs and every operation (operations.csv) saved to
/// <c>{temp}/kasify-chaos-{time}</c>.
/// </summary>
internal static class ChaosRunner
{
    public static async Task<ChaosVerdict> RunAsync(ChaosOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The kill schedule writes while the run does.
        log = TextWriter.Synchronized(log);
        log.WriteLine($"chaos: {options.Duration.TotalSeconds:F0} s, {options.Silos} silos, {options.ApiHosts} API hosts, {options.Accounts} accounts, "
            + $"{options.Properties} properties, {options.Locks} locks, {options.Rate}/s, silo kill every {options.KillEvery.TotalSeconds:F0} s, "
            + $"API host kill {(options.KillApiHost ? "once" : "never")}, Nuki apply delay {options.NukiApplyDelayMs} ms, latency {options.NukiLatencyMs} ms, error rate {options.NukiErrorRate}, "
            + $"{options.UniFiLockCount} of the locks UniFi Access doors (latency {options.UniFiLatencyMs} ms, error rate {options.UniFiErrorRate})");
        await using var nuki = new NukiFakeServer(new NukiFakeOptions
        {
            ApplyDelayMs = options.NukiApplyDelayMs,
            LatencyMs = options.NukiLatencyMs,
            ErrorRate = options.NukiErrorRate,
        });
        var nukiUrl = await nuki.StartAsync();
        await using var ses = new SesFakeServer(new SesFakeOptions());
        await ses.StartAsync();
        var console = new UniFiFakeConsole
        {
            Latency = TimeSpan.FromMilliseconds(options.UniFiLatencyMs),
            ErrorRate = options.UniFiErrorRate,
        };
        await using var unifi = await UniFiFakeServer.StartAsync(["https://127.0.0.1:0"], console, []);
        var devices = new ChaosDevices(nuki.State, console);

        var jwt = new ChaosJwt();
        var started = Stopwatch.StartNew();
        await using var cluster = await ChaosCluster.StartAsync(options, nukiUrl, ses.ServiceUrl!, jwt, log);
        var logFolder = Path.Combine(Path.GetTempPath(), $"kasify-chaos-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        try
        {
            using var api = new ChaosApi(cluster.ApiUrls);
            var properties = await new ChaosSetup(api, jwt, nuki.State, unifi, options, log).RunAsync();
            log.WriteLine($"setup: done {started.Elapsed.TotalSeconds:F0} s after start");

            var clock = Stopwatch.StartNew();
            var monkey = new ChaosMonkey(cluster, options, clock, log);
            var expiry = new ExpiryWatcher(devices);
            var workload = new ChaosWorkload(api, properties, monkey, expiry, clock, options.Seed);
            using var stop = new CancellationTokenSource();
            using var stopWatching = new CancellationTokenSource();
            var watching = expiry.RunAsync(stopWatching.Token);
            var chaos = monkey.RunAsync(options.Duration, stop.Token);
            await workload.RunAsync(options.Duration, options.Rate, options.MaxInFlight);
            var duration = clock.Elapsed;
            await stop.CancelAsync();
            try
            {
                await chaos;
            }
            catch (OperationCanceledException)
            {
                // The run ended between kills.
            }

            log.WriteLine($"workload: ended after {duration.TotalSeconds:F0} s; {workload.Bookings.Count} bookings acknowledged");
            var verdict = await new ChaosVerifier(api, properties, devices, expiry, ses.State, log)
                .VerifyAsync(workload.Bookings, workload.ServerErrors.Count, options.Settle);
            await stopWatching.CancelAsync();
            try
            {
                await watching;
            }
            catch (OperationCanceledException)
            {
                // The watch ends with the verification.
            }

            ChaosReport.PrintFigures(log, workload.Samples, duration, workload.Skipped, monkey.Kills);
            Directory.CreateDirectory(logFolder);
            File.WriteAllLines(Path.Combine(logFolder, "operations.csv"), workload.Samples
                .OrderBy(sample => sample.StartedAt)
                .Select(sample => string.Create(CultureInfo.InvariantCulture,
                    $"{sample.StartedAt.TotalSeconds:F3},{sample.Kind},{sample.Status},{sample.Milliseconds:F1},{(sample.AfterKill ? "after-kill" : "steady")}"))
                .Prepend("started_s,kind,status,ms,phase"));
            log.WriteLine("memory at the end (VmRSS):");
            foreach (var host in cluster.Silos.Concat(cluster.Apis))
            {
                log.WriteLine($"  {host.Name,-6} {(host.ResidentKib() is { } kib ? $"{kib / 1024.0:F0} MiB" : "not running")}");
            }

            log.WriteLine();
            log.WriteLine($"verification: {verdict.TrackedBookings} acknowledged bookings, {verdict.CheckedCodes} codes read back ({verdict.CheckedUniFiCodes} on UniFi doors), "
                + $"{verdict.ExpiringCodes} codes of stays ending during the run watched, {verdict.CheckinsComplete} check-ins acknowledged complete, {verdict.CancelledCheckIns} of those bookings cancelled");
            foreach (var (name, count) in verdict.Counts)
            {
                log.WriteLine($"  {count,6}  {name}");
            }

            foreach (var line in verdict.Evidence.Take(50))
            {
                log.WriteLine($"  evidence: {line}");
            }

            foreach (var line in workload.ServerErrors.Take(20))
            {
                log.WriteLine($"  server error: {line}");
            }

            log.WriteLine(verdict.Passed ? "RESULT: PASS (every correctness count is zero)" : "RESULT: FAIL");
            return verdict;
        }
        finally
        {
            cluster.SaveLogs(logFolder);
            log.WriteLine($"host logs: {logFolder}");
        }
    }
}
