using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Kasify.Chaos.Api;
using Kasify.Chaos.Chaos;
using Kasify.Chaos.Ledger;
using Kasify.Chaos.Measurement;
using Kasify.Chaos.Setup;

namespace Kasify.Chaos.Workload;

/// <summary>
/// The mixed workload: operations start at a fixed rate (open loop, at most a bounded number in flight) through the API
/// hosts in turn, and every acknowledged write goes into its booking's ledger. Writes on one booking never overlap, so
/// the ledger knows which state the last acknowledged write left.
/// </summary>
internal sealed class ChaosWorkload(ChaosApi api, IReadOnlyList<ChaosProperty> properties, ChaosMonkey monkey, Stopwatch clock, int seed)
{
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
    ];

    private readonly ConcurrentQueue<OperationSample> _samples = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly Lock _bookingsGate = new();
    private readonly List<TrackedBooking> _bookings = [];
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
        _ => "complete task",
    };

    public async Task RunAsync(TimeSpan until, double rate, int maxInFlight)
    {
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
            if (candidate.CancelSent || !candidate.TryTake())
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
