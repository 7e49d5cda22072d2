using System.Globalization;
using System.Net.Sockets;

namespace Kasify.Load.CheckinLatency;

/// <summary>
/// The checkin-latency mode: the public <c>GET /v1/checkin/{code}</c> of one booking, read by <c>--concurrency</c>
/// (default 16) guests without a token, first at rest for <c>--seconds</c>, then for <c>--busy-seconds</c> while the
/// owner, on the same property, adds and removes a Nuki lock with the Nuki fake answering in <c>--vendor-latency-ms</c>
/// and sends email invitations to an SMTP server that never answers (<see cref="SmtpBlackHole"/>, which the silo must
/// have been started against: <c>Kasify__Email__Host=127.0.0.1 Kasify__Email__Port=18025</c>). The fake's latency is
/// set back afterwards. Exit code 2 when the setup fails, 1 when the API rate-limited the check-in reads.
/// </summary>
internal static class CheckinLatencyMode
{
    // The run's own lock at the fake, apart from the demo locks and the read-ratio mode's.
    private const long ChurnLockId = 18_090_000_001;

    public static async Task<int> RunAsync(LoadOptions options, CheckinLatencyOptions checkinOptions)
    {
        SmtpBlackHole blackHole;
        try
        {
            blackHole = SmtpBlackHole.Start(checkinOptions.SmtpPort);
        }
        catch (SocketException exception)
        {
            Console.Error.WriteLine($"cannot listen on 127.0.0.1:{checkinOptions.SmtpPort} for the dead SMTP server ({exception.Message}); choose --smtp-port");
            return 2;
        }

        using (blackHole)
        using (var fake = new NukiFakeAdmin(checkinOptions.NukiFake))
        {
            Console.WriteLine(
                $"dead SMTP server on 127.0.0.1:{checkinOptions.SmtpPort}; the silo must have been started with "
                + $"Kasify__Email__Host=127.0.0.1 Kasify__Email__Port={checkinOptions.SmtpPort} (see the README)");
            // Owner requests wait on the slow vendor and the dead SMTP server: they get more time than the API's own timeout.
            using var ownerHttp = LoadHttp.Create(options.BaseAddress, options.Token, 4, TimeSpan.FromSeconds(60));
            var owner = new KasifyApi(ownerHttp);
            (string PropertyId, string IntegrationId, string CheckinCode) setup;
            try
            {
                setup = await SetUpAsync(owner, fake, checkinOptions);
            }
            catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
            {
                Console.Error.WriteLine($"setup failed: {exception.Message}");
                return 2;
            }

            var work = new OwnerWork(owner, setup.PropertyId, setup.IntegrationId, ChurnLockId);
            try
            {
                return await MeasureAsync(options, checkinOptions, fake, blackHole, setup.CheckinCode, work);
            }
            finally
            {
                await CleanUpAsync(owner, setup.PropertyId, work, checkinOptions.KeepSetup);
            }
        }
    }

    private static async Task<(string PropertyId, string IntegrationId, string CheckinCode)> SetUpAsync(
        KasifyApi owner, NukiFakeAdmin fake, CheckinLatencyOptions options)
    {
        (await owner.RegisterAsync()).Expect("register", 200, 201);
        await fake.SeedLocksAsync(options.NukiToken, [(ChurnLockId, "Load churn")]);
        var integrationId = await SetupSteps.ConnectNukiAsync(owner, options.NukiToken);
        var listed = await SetupSteps.ListNukiLocksAsync(owner, integrationId);
        if (listed.TryGetValue(ChurnLockId, out var churnLock) && churnLock["assigned_property"] is { } assigned)
        {
            // A lock left assigned by an interrupted run: freed first, so the owner's adds can succeed.
            await SetupSteps.RetryAsync(
                () => owner.UnassignSmartlockAsync(assigned["property_id"]!.GetValue<string>(), assigned["smartlock_record_id"]!.GetValue<string>()),
                "unassign the run's lock",
                204);
        }
        else if (churnLock is null)
        {
            throw new InvalidOperationException($"The Nuki integration does not list lock {ChurnLockId} (it lists {listed.Count}).");
        }

        var propertyId = (await owner.CreatePropertyAsync("Load check-in")).Expect("create property", 201).Text("id");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var booking = (await owner.CreateBookingAsync(propertyId, today.AddDays(7), today.AddDays(10))).Expect("create booking", 201);
        Console.WriteLine($"setup: property {propertyId}, booking {booking.Text("id")}, Nuki integration {integrationId}, lock {ChurnLockId}");
        return (propertyId, integrationId, booking.Text("checkin_code"));
    }

    private static async Task<int> MeasureAsync(
        LoadOptions options, CheckinLatencyOptions checkinOptions, NukiFakeAdmin fake, SmtpBlackHole blackHole, string checkinCode, OwnerWork work)
    {
        using var guests = LoadHttp.Create(options.BaseAddress, token: null, options.Concurrency);
        var path = $"/v1/checkin/{Uri.EscapeDataString(checkinCode)}";
        Task<int> Read(Random random) => LoadHttp.GetAsync(guests, path);

        // Unmeasured: connections opened and the booking's grains active before the baseline.
        await ClosedLoop.RunAsync(options.Concurrency, TimeSpan.FromSeconds(2), Read);
        var atRest = await ClosedLoop.RunAsync(options.Concurrency, options.Duration, Read);

        var previousLatency = await fake.GetLatencyMsAsync();
        await fake.SetLatencyMsAsync(checkinOptions.VendorLatencyMs);
        Measurement busy;
        using (var phaseEnded = new CancellationTokenSource())
        {
            var owner = work.RunAsync(phaseEnded.Token);
            try
            {
                busy = await ClosedLoop.RunAsync(options.Concurrency, checkinOptions.Busy, Read);
            }
            finally
            {
                phaseEnded.Cancel();
                await fake.SetLatencyMsAsync(previousLatency);
            }

            // Owner requests still under way finish (at the fake's old speed) and are counted apart.
            await owner;
        }

        Console.WriteLine(
            $"checkin-latency: GET /v1/checkin/{{code}} by {options.Concurrency} readers; at rest {options.Duration.TotalSeconds:F0} s, "
            + $"then {checkinOptions.Busy.TotalSeconds:F0} s with the owner busy (Nuki fake latency {checkinOptions.VendorLatencyMs} ms, dead SMTP server)");
        var table = new TextTable("phase", "reads", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "statuses");
        foreach (var (phase, measured) in new[] { ("at rest", atRest), ("owner busy", busy) })
        {
            table.Add(
                phase,
                measured.Count.ToString("N0", CultureInfo.InvariantCulture),
                measured.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
                Milliseconds(measured.Percentile(0.50)),
                Milliseconds(measured.Percentile(0.95)),
                Milliseconds(measured.Percentile(0.99)),
                Milliseconds(measured.Max),
                measured.StatusText);
        }

        table.Print();
        PrintOwnerWork(work.Done);
        Console.WriteLine($"dead SMTP server: {blackHole.Accepted} connection(s) accepted");
        if (blackHole.Accepted == 0 && work.Done.Any(operation => operation.Kind == OwnerWork.Invite))
        {
            Console.WriteLine(
                $"NOTE: invitations were sent but no SMTP connection arrived: the silo does not send mail to 127.0.0.1:{checkinOptions.SmtpPort}, "
                + "so the phase had no slow SMTP server (see the README for the settings)");
        }

        return RateLimitNotice.PrintIfLimited(RateLimitNotice.PublicLimit, atRest, busy) ? 1 : 0;
    }

    private static void PrintOwnerWork(IReadOnlyCollection<OwnerOperation> done)
    {
        Console.WriteLine("owner operations (answered in the phase / after it):");
        var table = new TextTable("  operation", "in phase", "after", "p50 ms", "max ms", "statuses");
        foreach (var kind in new[] { OwnerWork.AddLock, OwnerWork.RemoveLock, OwnerWork.Invite, OwnerWork.RevokeInvitation })
        {
            var ofKind = done.Where(operation => operation.Kind == kind).ToList();
            var sorted = ofKind.Select(operation => operation.Milliseconds).Order().ToList();
            table.Add(
                "  " + kind,
                ofKind.Count(operation => operation.InPhase).ToString(CultureInfo.InvariantCulture),
                ofKind.Count(operation => !operation.InPhase).ToString(CultureInfo.InvariantCulture),
                Milliseconds(Percentiles.NearestRank(sorted, 0.50)),
                Milliseconds(sorted.Count == 0 ? 0 : sorted[^1]),
                string.Join(' ', ofKind.GroupBy(operation => operation.Status).OrderBy(group => group.Key).Select(group =>
                    $"{(group.Key == 0 ? "error" : group.Key.ToString(CultureInfo.InvariantCulture))}={group.Count()}")));
        }

        table.Print();
    }

    private static async Task CleanUpAsync(KasifyApi owner, string propertyId, OwnerWork work, bool keepSetup)
    {
        // Deleting the property frees its lock too; a kept property gives the lock back for the next run.
        if (keepSetup && work.AssignedRecordId is { } recordId)
        {
            var removed = await owner.UnassignSmartlockAsync(propertyId, recordId);
            Console.WriteLine($"teardown: unassign the run's lock: HTTP {removed.Status}");
        }
        else if (!keepSetup)
        {
            var deleted = await owner.DeletePropertyAsync(propertyId);
            Console.WriteLine($"teardown: delete property {propertyId}: HTTP {deleted.Status}");
        }
    }

    private static string Milliseconds(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
