using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kasify.Chaos.Api;
using Kasify.Chaos.Chaos;
using Kasify.Chaos.Ledger;
using Kasify.Chaos.Measurement;
using Kasify.Chaos.Setup;
using Kasify.Chaos.Verification;

namespace Kasify.Chaos.Workload;

/// <summary>
/// The mixed workload: operations start at a fixed rate (open loop, at most a bounded number in flight) through the API
/// hosts in turn, and every acknowledged write goes into its booking's ledger. Writes on one booking never overlap, so
/// the ledger knows which state the last acknowledged write left. Two kinds of booking are never written again after
/// their creation: stays that end during the run (their codes go to the <see cref="ExpiryWatcher"/>) and stays a few
/// days ahead whose guest checks in (reported to SES.HOSPEDAJES); some of the latter are cancelled once checked in, so
/// what was reported must be cancelled at SES.HOSPEDAJES too.
/// </summary>
internal sealed class ChaosWorkload(ChaosApi api, IReadOnlyList<ChaosProperty> properties, ChaosMonkey monkey, ExpiryWatcher expiry, Stopwatch clock, int seed)
{
    /// <summary>The shortest time from an expiring stay's creation to its window's end (before rounding up to the minute).</summary>
    private static readonly TimeSpan ExpiryLeadMin = TimeSpan.FromSeconds(20);

    /// <summary>The run's last seconds in which no window is aimed at (the upper bound is the run's length minus this).</summary>
    private static readonly TimeSpan ExpiryLeadMargin = TimeSpan.FromSeconds(30);

    private static readonly (OperationKind Kind, int Weight)[] Mix =
    [
        (OperationKind.ReadProperty, 8),
        (OperationKind.ReadLocks, 8),
        (OperationKind.ReadCalendar, 6),
        (OperationKind.ReadBookings, 6),
        (OperationKind.ReadCodes, 8),
        (OperationKind.CreateBooking, 16),
        (OperationKind.MoveBooking, 14),
        (OperationKind.CancelBooking, 5),
        (OperationKind.CreateCodes, 18),
        (OperationKind.RevokeCode, 11),
        (OperationKind.StartTask, 5),
        (OperationKind.CompleteTask, 4),
        (OperationKind.CreateExpiringStay, 4),
        (OperationKind.RegisterGuest, 6),
        (OperationKind.CancelCheckIn, 2),
    ];

    private readonly ConcurrentQueue<OperationSample> _samples = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly Lock _bookingsGate = new();
    private readonly List<TrackedBooking> _bookings = [];
    private TimeSpan _until;
    private int _inFlight;
    private int _skipped;

    public IReadOnlyCollection<OperationSample> Samples => _samples;

    /// <summary>Answers that no failover explains (500, 501, 502 …; 503 and 504 are the cluster's documented failover answers), with their bodies.</summary>
    public IReadOnlyCollection<string> ServerErrors => _serverErrors;

    /// <summary>True for a status the API must never give, even while a silo dies.</summary>
    public static bool IsServerError(int status) => status >= 500 && status is not (503 or 504);

    /// <summary>Arrivals dropped because the in-flight limit was reached (the cluster could not keep up).</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    public IReadOnlyList<TrackedBooking> Bookings
    {
        get
        {
            lock (_bookingsGate)
            {
                return [.. _bookings];
            }
        }
    }

    public static string Name(OperationKind kind) => kind switch
    {
        OperationKind.ReadProperty => "read property",
        OperationKind.ReadLocks => "read locks",
        OperationKind.ReadCalendar => "read calendar",
        OperationKind.ReadBookings => "read bookings",
        OperationKind.ReadCodes => "read codes",
        OperationKind.CreateBooking => "create booking",
        OperationKind.MoveBooking => "move booking",
        OperationKind.CancelBooking => "cancel booking",
        OperationKind.CreateCodes => "create codes",
        OperationKind.RevokeCode => "revoke code",
        OperationKind.StartTask => "start task",
        OperationKind.CreateExpiringStay => "create expiring stay",
        OperationKind.RegisterGuest => "register guest",
        OperationKind.CancelCheckIn => "cancel check-in booking",
        _ => "complete task",
    };

    public async Task RunAsync(TimeSpan until, double rate, int maxInFlight)
    {
        _until = until;
        var random = new Random(seed);
        var running = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var due = clock.Elapsed;
        while (due < until)
        {
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            due += interval;
            if (Volatile.Read(ref _inFlight) >= maxInFlight)
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            var operationSeed = random.Next();
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await RunOneAsync(new Random(operationSeed));
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }));
            running.RemoveAll(task => task.IsCompleted);
        }

        await Task.WhenAll(running);
    }

    private async Task RunOneAsync(Random random)
    {
        var kind = Pick(random);
        var property = properties[random.Next(properties.Count)];
        TrackedBooking? booking = null;
        Guid? codeId = null;
        if (kind is OperationKind.MoveBooking or OperationKind.CancelBooking or OperationKind.CreateCodes or OperationKind.RevokeCode
            or OperationKind.StartTask or OperationKind.CompleteTask)
        {
            booking = Lease(random, kind);
            codeId = booking?.LiveCode(random);
            if (booking is null)
            {
                kind = OperationKind.CreateBooking;
            }
        }
        else if (kind == OperationKind.ReadCodes)
        {
            var all = Bookings;
            if (all.Count == 0)
            {
                kind = OperationKind.ReadProperty;
            }
            else
            {
                var read = all[random.Next(all.Count)];
                await MeasureAsync(kind, () => api.GetAsync(read.Property.Token, $"/v1/bookings/{read.Id}/accesscode"));
                return;
            }
        }

        try
        {
            switch (kind)
            {
                case OperationKind.ReadProperty:
                    await MeasureAsync(kind, () => api.GetAsync(property.Token, $"/v1/properties/{property.Id}"));
                    break;
                case OperationKind.ReadLocks:
                    await MeasureAsync(kind, () => api.GetAsync(property.Token, $"/v1/properties/{property.Id}/smartlocks"));
                    break;
                case OperationKind.ReadCalendar:
                    var from = ChaosApi.Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(365));
                    var to = ChaosApi.Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(365 + 120));
                    await MeasureAsync(kind, () => api.GetAsync(property.Token, $"/v1/properties/{property.Id}/calendar?from={from}&to={to}"));
                    break;
                case OperationKind.ReadBookings:
                    await MeasureAsync(kind, () => api.GetAsync(property.Token, $"/v1/properties/{property.Id}/bookings"));
                    break;
                case OperationKind.CreateBooking:
                    await CreateBookingAsync(property);
                    break;
                case OperationKind.CreateExpiringStay:
                    await CreateExpiringStayAsync(property, random);
                    break;
                case OperationKind.RegisterGuest:
                    await RegisterGuestAsync(property, random);
                    break;
                case OperationKind.CancelCheckIn:
                    await CancelCheckInAsync(property, random);
                    break;
                case OperationKind.MoveBooking:
                    await MoveAsync(booking!, random);
                    break;
                case OperationKind.CancelBooking:
                    var cancel = await MeasureAsync(kind, () => api.PatchAsync(booking!.Property.Token, $"/v1/bookings/{booking.Id}", new JsonObject { ["status"] = "cancelled" }));
                    if (cancel.IsSuccess || cancel.IsUnknownOutcome)
                    {
                        booking!.CancelAttempted(cancel.IsSuccess);
                    }

                    break;
                case OperationKind.CreateCodes:
                    var codes = await MeasureAsync(kind, () => api.PostAsync(booking!.Property.Token, $"/v1/bookings/{booking.Id}/accesscode"));
                    if (codes.IsSuccess)
                    {
                        booking!.CodesAcknowledged(LiveCodes(codes.Body));
                    }

                    break;
                case OperationKind.StartTask:
                    await StartTaskAsync(booking!);
                    break;
                case OperationKind.CompleteTask:
                    var complete = await MeasureAsync(kind, () => api.PostAsync(booking!.Property.Token, $"/v1/tasks/{booking.TaskId}/complete", new JsonObject { ["job_report"] = "Chaos run" }));
                    if (complete.IsSuccess || complete.IsUnknownOutcome)
                    {
                        booking!.TaskMoved("completed", complete.IsSuccess);
                    }

                    break;
                default:
                    var revoke = await MeasureAsync(kind, () => api.DeleteAsync(booking!.Property.Token, $"/v1/bookings/{booking.Id}/accesscode/{codeId}"));
                    if (revoke.IsSuccess || revoke.IsUnknownOutcome)
                    {
                        booking!.RevokeSent(codeId!.Value, revoke.IsSuccess);
                    }

                    break;
            }
        }
        finally
        {
            booking?.Release();
        }
    }

    private async Task CreateBookingAsync(ChaosProperty property)
    {
        var slot = property.TakeSlot();
        var (from, to) = (slot.AddDays(1), slot.AddDays(4));
        var created = await MeasureAsync(OperationKind.CreateBooking, () => api.PostAsync(property.Token, $"/v1/properties/{property.Id}/bookings", new JsonObject
        {
            ["from"] = ChaosApi.Day(from),
            ["to"] = ChaosApi.Day(to),
            ["channel"] = "manual",
            ["adults_count"] = 1,
            ["guest_first_name"] = "Chaos",
        }));

        // A create without an answer may have happened; its slot is not reused, so it can never be mistaken for another.
        if (created.IsSuccess)
        {
            lock (_bookingsGate)
            {
                _bookings.Add(new TrackedBooking(Guid.Parse(created.Id), property, slot, from, to));
            }
        }
    }

    // A stay that began yesterday (or today) and ends 20 s .. (run length - 30 s, and at most the run's end) from now, in
    // the property's zone. departure_time is hours and minutes, so the end is the last whole minute before the aimed-at
    // instant, or the next one when that would leave less than 20 s; its codes are created at once and watched.
    private async Task CreateExpiringStayAsync(ChaosProperty property, Random random)
    {
        var remaining = _until - clock.Elapsed;
        if (remaining < ExpiryLeadMin || !property.TryTakeExpiring())
        {
            await CreateBookingAsync(property);
            return;
        }

        var longest = TimeSpan.FromTicks(Math.Min((_until - ExpiryLeadMargin).Ticks, remaining.Ticks));
        var lead = longest <= ExpiryLeadMin ? ExpiryLeadMin : ExpiryLeadMin + ((longest - ExpiryLeadMin) * random.NextDouble());
        var zone = TimeZoneInfo.FindSystemTimeZoneById(property.TimeZone);
        var now = DateTimeOffset.UtcNow;
        var earliest = TimeZoneInfo.ConvertTime(now + ExpiryLeadMin, zone).DateTime;
        var target = TimeZoneInfo.ConvertTime(now + lead, zone).DateTime;
        var minute = new DateTime(target.Year, target.Month, target.Day, target.Hour, target.Minute, 0, DateTimeKind.Unspecified);
        var end = minute >= earliest ? minute : minute.AddMinutes(1);
        var to = DateOnly.FromDateTime(end);
        var from = to.AddDays(-1);
        var created = await MeasureAsync(OperationKind.CreateExpiringStay, () => api.PostAsync(property.Token, $"/v1/properties/{property.Id}/bookings", new JsonObject
        {
            ["from"] = ChaosApi.Day(from),
            ["to"] = ChaosApi.Day(to),
            ["departure_time"] = end.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["channel"] = "manual",
            ["adults_count"] = 1,
            ["guest_first_name"] = "Chaos",
        }));
        if (!created.IsSuccess)
        {
            return;
        }

        var booking = new TrackedBooking(Guid.Parse(created.Id), property, from, from, to) { Purpose = BookingPurpose.Expiring };
        lock (_bookingsGate)
        {
            _bookings.Add(booking);
        }

        // Creating codes is idempotent (a second call answers the same codes), so an unanswered call is simply repeated.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var codes = await MeasureAsync(OperationKind.CreateCodes, () => api.PostAsync(property.Token, $"/v1/bookings/{booking.Id}/accesscode"));
            if (codes.IsSuccess)
            {
                booking.CodesAcknowledged(LiveCodes(codes.Body));
                foreach (var code in (codes.Body?["codes"] as JsonArray ?? []).OfType<JsonNode>()
                    .Where(code => code["status"]?.GetValue<string>() is "pending" or "active"))
                {
                    var lockId = Guid.Parse(code["smartlock_id"]!.ToString());
                    var device = property.Locks.First(candidate => candidate.RecordId == lockId);
                    expiry.Track(new ExpiringCode(
                        Guid.Parse(code["id"]!.GetValue<string>()), booking.Id, device,
                        code["code"]?.GetValue<string>() ?? "", code["valid_to"]!.GetValue<DateTimeOffset>()));
                }

                return;
            }

            if (!codes.IsUnknownOutcome)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    // A check-in booking whose guest has not checked in yet gets its registration; without one, a new check-in booking
    // is made. A registration without an answer is sent again later, unless the snapshot then says it is complete.
    private async Task RegisterGuestAsync(ChaosProperty property, Random random)
    {
        var booking = LeaseCheckIn(random);
        if (booking is null)
        {
            await CreateCheckInBookingAsync(property);
            return;
        }

        try
        {
            var code = booking.CheckinCode;
            var snapshot = await MeasureAsync(OperationKind.RegisterGuest, () => api.GetAsync(null, $"/v1/checkin/{code}"), "read check-in");
            if (!snapshot.IsSuccess)
            {
                return;
            }

            if (snapshot.Body?["checkin_completed"]?.GetValue<bool>() == true)
            {
                booking.CheckinSent(acknowledgedComplete: true);
                return;
            }

            var registered = await MeasureAsync(OperationKind.RegisterGuest, () => api.PostAsync(null, $"/v1/checkin/{code}/guests", CheckinGuest.Body(random)));
            if (registered.IsSuccess || registered.IsUnknownOutcome)
            {
                booking.CheckinSent(registered.IsSuccess && registered.Body?["checkin_completed"]?.GetValue<bool>() == true);
            }
        }
        finally
        {
            booking.Release();
        }
    }

    // One adult, a night a few days ahead of its own, and a holder with a name and an email: a report SES.HOSPEDAJES takes.
    private async Task CreateCheckInBookingAsync(ChaosProperty property)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(property.TimeZone);
        var night = property.TakeNearNight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime));
        var created = await MeasureAsync(OperationKind.RegisterGuest, () => api.PostAsync(property.Token, $"/v1/properties/{property.Id}/bookings", new JsonObject
        {
            ["from"] = ChaosApi.Day(night),
            ["to"] = ChaosApi.Day(night.AddDays(1)),
            ["channel"] = "manual",
            ["adults_count"] = 1,
            ["guest_first_name"] = "Chaos",
            ["guest_last_name"] = "Guest",
            ["guest_email"] = "chaos.guest@example.org",
            ["payment_type"] = "TARJT",
        }), "create check-in booking");
        if (created.IsSuccess)
        {
            lock (_bookingsGate)
            {
                _bookings.Add(new TrackedBooking(Guid.Parse(created.Id), property, night, night, night.AddDays(1))
                {
                    Purpose = BookingPurpose.CheckIn,
                    CheckinCode = created.Body?["checkin_code"]?.GetValue<string>() ?? throw new InvalidOperationException($"No checkin_code in {created.Text}"),
                });
            }
        }
    }

    // A checked-in stay is cancelled: the reports SES.HOSPEDAJES already holds for it (RH, PV) are owed a cancellation
    // each, and those not sent yet are not sent. Without such a booking, the guest registration runs instead.
    private async Task CancelCheckInAsync(ChaosProperty property, Random random)
    {
        var booking = LeaseCheckIn(random, checkedIn: true);
        if (booking is null)
        {
            await RegisterGuestAsync(property, random);
            return;
        }

        try
        {
            var cancel = await MeasureAsync(OperationKind.CancelCheckIn, () => api.PatchAsync(booking.Property.Token, $"/v1/bookings/{booking.Id}", new JsonObject { ["status"] = "cancelled" }));
            if (cancel.IsSuccess || cancel.IsUnknownOutcome)
            {
                booking.CancelAttempted(cancel.IsSuccess);
            }
        }
        finally
        {
            booking.Release();
        }
    }

    private TrackedBooking? LeaseCheckIn(Random random, bool checkedIn = false)
    {
        var open = Bookings.Where(booking => booking.Purpose == BookingPurpose.CheckIn && !booking.CancelSent && booking.CheckinAcknowledgedComplete == checkedIn).ToList();
        for (var attempt = 0; attempt < 4 && open.Count > 0; attempt++)
        {
            var candidate = open[random.Next(open.Count)];
            if (candidate.TryTake())
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task MoveAsync(TrackedBooking booking, Random random)
    {
        var first = random.Next(0, ChaosProperty.SlotNights);
        var last = random.Next(first + 1, ChaosProperty.SlotNights + 1);
        var (from, to) = (booking.Slot.AddDays(first), booking.Slot.AddDays(last));
        var moved = await MeasureAsync(OperationKind.MoveBooking, () => api.PatchAsync(booking.Property.Token, $"/v1/bookings/{booking.Id}", new JsonObject
        {
            ["from"] = ChaosApi.Day(from),
            ["to"] = ChaosApi.Day(to),
        }));
        if (moved.IsSuccess || moved.IsUnknownOutcome)
        {
            booking.Moved(from, to, moved.IsSuccess);
        }
    }

    // The cleaning task reaches the tasks grain through the booking calendar's outbox a moment after the booking's answer,
    // so a young booking may have none yet: then this is only a read.
    private async Task StartTaskAsync(TrackedBooking booking)
    {
        var (from, to) = (ChaosApi.Day(booking.Slot), ChaosApi.Day(booking.Slot.AddDays(ChaosProperty.SlotNights + 1)));
        var tasks = await MeasureAsync(OperationKind.StartTask, () => api.GetAsync(
            booking.Property.Token, $"/v1/properties/{booking.Property.Id}/tasks?task_type=cleaning&scheduled_from={from}&scheduled_to={to}&size=100"), "read tasks");
        var task = (tasks.Body?["content"] as JsonArray ?? []).OfType<JsonNode>()
            .FirstOrDefault(item => item["booking_id"]?.GetValue<string>() == booking.Id.ToString() && item["status"]?.GetValue<string>() == "pending");
        if (task is null)
        {
            return;
        }

        booking.TaskChosen(Guid.Parse(task["id"]!.GetValue<string>()));
        var start = await MeasureAsync(OperationKind.StartTask, () => api.PostAsync(booking.Property.Token, $"/v1/tasks/{booking.TaskId}/start"));
        if (start.IsSuccess || start.IsUnknownOutcome)
        {
            booking.TaskMoved("in_progress", start.IsSuccess);
        }
    }

    private static IEnumerable<Guid> LiveCodes(JsonNode? answer) =>
        (answer?["codes"] as JsonArray ?? [])
            .OfType<JsonNode>()
            .Where(code => code["status"]?.GetValue<string>() is "pending" or "active")
            .Select(code => Guid.Parse(code["id"]!.GetValue<string>()));

    private TrackedBooking? Lease(Random random, OperationKind kind)
    {
        var all = Bookings;
        for (var attempt = 0; attempt < 12 && all.Count > 0; attempt++)
        {
            var candidate = all[random.Next(all.Count)];
            if (candidate.Purpose != BookingPurpose.Stay || candidate.CancelSent || !candidate.TryTake())
            {
                continue;
            }

            var fits = kind switch
            {
                OperationKind.RevokeCode => candidate.LiveCode(random) is not null,
                OperationKind.MoveBooking or OperationKind.CancelBooking or OperationKind.StartTask => candidate.TaskId is null,
                OperationKind.CompleteTask => candidate.TaskId is not null && candidate.TaskStatuses.SequenceEqual(["in_progress"]),
                _ => true,
            };
            if (fits)
            {
                return candidate;
            }

            candidate.Release();
        }

        return null;
    }

    private async Task<ApiAnswer> MeasureAsync(OperationKind kind, Func<Task<ApiAnswer>> call, string? name = null)
    {
        var startedAt = clock.Elapsed;
        var answer = await call();
        _samples.Enqueue(new OperationSample(name ?? Name(kind), answer.Status, answer.Elapsed.TotalMilliseconds, startedAt, monkey.IsAfterKill(startedAt)));
        if (IsServerError(answer.Status))
        {
            _serverErrors.Enqueue($"{startedAt.TotalSeconds:F1} s {name ?? Name(kind)}: {answer.Status} {answer.Text[..Math.Min(answer.Text.Length, 400)]}");
        }
        return answer;
    }

    private static OperationKind Pick(Random random)
    {
        var ticket = random.Next(Mix.Sum(entry => entry.Weight));
        foreach (var (kind, weight) in Mix)
        {
            if (ticket < weight)
            {
                return kind;
            }

            ticket -= weight;
        }

        return OperationKind.ReadProperty;
    }
}
