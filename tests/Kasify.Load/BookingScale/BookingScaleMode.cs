using System.Globalization;

namespace Kasify.Load.BookingScale;

/// <summary>
/// The booking-scale mode: how booking creation slows as a property fills. It fills one property with
/// <c>--bookings</c> minus <c>--measure</c> one-night bookings, then measures <c>--measure</c> creates with
/// <c>--concurrency</c> (default 16) concurrent requests on an empty property and the same creates on the filled one,
/// whose measurement so ends with it holding <c>--bookings</c> (the API keeps at most 5,000 per property). No two
/// bookings of a property share a night. With <c>--sqlite</c> or <c>--postgres</c> it then reports the stored grain rows
/// keyed by the full property and the largest of all. Exit code 2 when the setup, fill or database read fails, 1 when the API rate-limited the creates.
/// </summary>
internal static class BookingScaleMode
{
    private const int RowsReported = 5;

    public static async Task<int> RunAsync(HttpClient http, LoadOptions options, BookingScaleOptions scaleOptions)
    {
        var api = new KasifyApi(http);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Measured nights start a month ahead; earlier bookings end yesterday, or follow the measured nights.
        var firstMeasured = today.AddDays(30);
        var firstExisting = scaleOptions.ExistingInThePast ? today.AddDays(-scaleOptions.Existing) : firstMeasured.AddDays(scaleOptions.Measure);
        var created = new List<string>();
        try
        {
            (await api.RegisterAsync()).Expect("register", 200, 201);
            var empty = (await api.CreatePropertyAsync("Load bookings empty")).Expect("create property", 201).Text("id");
            created.Add(empty);
            var full = (await api.CreatePropertyAsync("Load bookings full")).Expect("create property", 201).Text("id");
            created.Add(full);

            // The fill goes first and warms the API and silo up (code, connections, storage), so the empty property's
            // measurement, which would otherwise meet them cold, is not the slower for it.
            var fill = await CreateBookingsAsync(api, full, firstExisting, scaleOptions.Existing, options.Concurrency);
            if (fill.Unexpected(201) > 0)
            {
                Console.Error.WriteLine($"fill failed: {fill.Unexpected(201)} of {scaleOptions.Existing} creates were not 201 ({fill.StatusText})");
                return 2;
            }

            var onEmpty = await CreateBookingsAsync(api, empty, firstMeasured, scaleOptions.Measure, options.Concurrency);
            var onFull = await CreateBookingsAsync(api, full, firstMeasured, scaleOptions.Measure, options.Concurrency);
            Print(options, scaleOptions, onEmpty, fill, onFull);
            if (scaleOptions.SqlitePath is not null || scaleOptions.PostgresConnectionString is not null)
            {
                await PrintStoredRowsAsync(scaleOptions, empty, full);
            }

            return RateLimitNotice.PrintIfLimited(RateLimitNotice.UserLimits, onEmpty, onFull) ? 1 : 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"booking-scale failed: {exception.Message}");
            return 2;
        }
        finally
        {
            if (!scaleOptions.KeepSetup)
            {
                foreach (var propertyId in created)
                {
                    // Deleting erases every booking of the property; the API may answer 504 before the silo is done.
                    var deleted = await api.DeletePropertyAsync(propertyId);
                    Console.WriteLine($"teardown: delete property {propertyId}: HTTP {deleted.Status}");
                }
            }
        }
    }

    // Booking n takes the night first + n: no two creates of one call overlap.
    private static Task<Measurement> CreateBookingsAsync(KasifyApi api, string propertyId, DateOnly first, int count, int concurrency) =>
        ClosedLoop.RunCountAsync(concurrency, count, async number =>
            (await api.CreateBookingAsync(propertyId, first.AddDays(number), first.AddDays(number + 1))).Status);

    private static void Print(LoadOptions options, BookingScaleOptions scaleOptions, Measurement onEmpty, Measurement fill, Measurement onFull)
    {
        var existing = scaleOptions.Existing.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine(
            $"booking-scale: one-night bookings created by {options.Concurrency} concurrent requests; {scaleOptions.Measure} measured on each property; "
            + $"the full property's first {existing} bookings {(scaleOptions.ExistingInThePast ? "end yesterday" : "follow the measured nights")}");
        var table = new TextTable("property", "bookings held", "created", "seconds", "bookings/s", "p50 ms", "p95 ms", "p99 ms", "statuses");
        Row(table, "fill (not compared)", $"0 -> {existing}", fill);
        Row(table, "empty", $"0 -> {scaleOptions.Measure:N0}", onEmpty);
        Row(table, "full", $"{existing} -> {scaleOptions.Bookings:N0}", onFull);
        table.Print();
        var ratio = onEmpty.PerSecond > 0 ? onFull.PerSecond / onEmpty.PerSecond : 0;
        Console.WriteLine($"rate at {scaleOptions.Bookings:N0} / rate on empty: {ratio.ToString("F2", CultureInfo.InvariantCulture)}x");
    }

    private static void Row(TextTable table, string name, string held, Measurement measured) => table.Add(
        name,
        held,
        measured.Count.ToString("N0", CultureInfo.InvariantCulture),
        measured.Seconds.ToString("F1", CultureInfo.InvariantCulture),
        measured.PerSecond.ToString("F0", CultureInfo.InvariantCulture),
        measured.Percentile(0.50).ToString("F1", CultureInfo.InvariantCulture),
        measured.Percentile(0.95).ToString("F1", CultureInfo.InvariantCulture),
        measured.Percentile(0.99).ToString("F1", CultureInfo.InvariantCulture),
        measured.StatusText);

    private static async Task PrintStoredRowsAsync(BookingScaleOptions scaleOptions, string empty, string full)
    {
        await using var rows = await StoredRows.OpenAsync(scaleOptions);
        var database = scaleOptions.SqlitePath is { } path ? $"SQLite {path}" : "PostgreSQL";
        // The grains keyed by the full property's id hold its state, however it is split among them.
        PrintRows($"stored grain rows keyed by the full property ({database}):", await rows.KeyedByAsync(Guid.Parse(full)), _ => "");
        PrintRows(
            $"largest stored grain rows ({database}):",
            await rows.LargestAsync(RowsReported),
            row => row.Key.StartsWith(full, StringComparison.Ordinal) ? " (the full property)"
                : row.Key.StartsWith(empty, StringComparison.Ordinal) ? " (the empty property)"
                : "");
    }

    private static void PrintRows(string title, IReadOnlyList<StoredRow> rows, Func<StoredRow, string> note)
    {
        Console.WriteLine(title);
        if (rows.Count == 0)
        {
            Console.WriteLine("  none");
            return;
        }

        var table = new TextTable("  grain type", "key", "bytes") { LeftColumns = 2 };
        foreach (var row in rows)
        {
            table.Add("  " + row.GrainType, row.Key + note(row), row.Bytes.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.Print();
    }
}
