using System.Security.Cryptography;
using System.Text;

namespace Kasify.Fakes.UniFi;

/// <summary>
/// The in-memory state and rules of a fake UniFi Access console: API tokens, doors on floors, visitors with PINs,
/// the site's PIN setting, and switches for latency, error rate and offline doors. Thread-safe.
/// </summary>
public sealed class UniFiFakeConsole
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UniFiFakeDoor> _doors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _offlineDoors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UniFiFakeVisitor> _visitors = new(StringComparer.Ordinal);
    private readonly Queue<UniFiFakeError> _scriptedFailures = new();
    private readonly TimeProvider _time;
    private int _requestCount;

    public UniFiFakeConsole(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The site's PIN length (4, 6 or 8); <c>null</c> is "variable length" (4 to 8 digits).</summary>
    public int? PinLength { get; set; } = 6;

    /// <summary>Added before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share of requests (0 to 1) answered with HTTP 500 <c>CODE_SYSTEM_ERROR</c>.</summary>
    public double ErrorRate { get; set; }

    /// <summary>
    /// Characters of filler the door list carries in an extra <c>padding</c> field (0: none), so a test can make the answer
    /// as large as it likes; it is streamed without a length, as a console's chunked answer would be.
    /// </summary>
    public int DoorListPadding { get; set; }

    /// <summary>Requests received so far, failed ones included.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Adds an API token; a read-only token lacks the <c>edit:*</c> permissions.</summary>
    public void AddToken(string token, bool canEdit = true)
    {
        lock (_gate)
        {
            _tokens[token] = canEdit;
        }
    }

    public void RemoveToken(string token)
    {
        lock (_gate)
        {
            _tokens.Remove(token);
        }
    }

    public void AddDoor(UniFiFakeDoor door)
    {
        lock (_gate)
        {
            _doors[door.Id] = door;
        }
    }

    /// <summary>Marks a door's hub offline (or back online): visitor writes for it answer <c>CODE_DEVICE_DEVICE_OFFLINE</c>.</summary>
    public void SetDoorOffline(string doorId, bool offline)
    {
        lock (_gate)
        {
            if (offline)
            {
                _offlineDoors.Add(doorId);
            }
            else
            {
                _offlineDoors.Remove(doorId);
            }
        }
    }

    /// <summary>The next requests (after authentication) fail with these errors, in order.</summary>
    public void FailNext(params UniFiFakeError[] errors)
    {
        lock (_gate)
        {
            foreach (var error in errors)
            {
                _scriptedFailures.Enqueue(error);
            }
        }
    }

    /// <summary>Seeds two floors with three doors and the given token.</summary>
    public UniFiFakeConsole SeedDefaults(string token = UniFiFakeSeed.Token)
    {
        AddToken(token);
        AddToken(UniFiFakeSeed.ReadOnlyToken, canEdit: false);
        AddDoor(new UniFiFakeDoor(UniFiFakeSeed.MainDoorId, "Main Door", UniFiFakeSeed.GroundFloorId, "1F"));
        AddDoor(new UniFiFakeDoor(UniFiFakeSeed.ApartmentDoorId, "Apartment 2A", UniFiFakeSeed.FirstFloorId, "2F"));
        AddDoor(new UniFiFakeDoor(UniFiFakeSeed.StorageDoorId, "Storage", UniFiFakeSeed.FirstFloorId, "2F", IsBindHub: false));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> doors with fresh ids on one floor, e.g. to exceed a client's device limit.</summary>
    public IReadOnlyList<UniFiFakeDoor> AddDoors(int count, string floorName = "3F")
    {
        var floorId = Guid.NewGuid().ToString();
        var doors = Enumerable.Range(1, count)
            .Select(number => new UniFiFakeDoor(Guid.NewGuid().ToString(), $"Door {number:D5}", floorId, floorName))
            .ToList();
        foreach (var door in doors)
        {
            AddDoor(door);
        }

        return doors;
    }

    public IReadOnlyList<UniFiFakeDoor> Doors()
    {
        lock (_gate)
        {
            return [.. _doors.Values.OrderBy(door => door.Name, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<UniFiFakeVisitor> Visitors()
    {
        lock (_gate)
        {
            return [.. _visitors.Values.OrderBy(visitor => visitor.CreateTime)];
        }
    }

    public UniFiFakeVisitor? Visitor(string id)
    {
        lock (_gate)
        {
            return _visitors.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// Test hook: changes a visitor as someone at the console would (another window, cancelled, PIN taken away);
    /// false for an unknown visitor.
    /// </summary>
    public bool EditVisitor(string id, long? startTime = null, long? endTime = null, bool? cancelled = null, bool removePin = false)
    {
        lock (_gate)
        {
            if (!_visitors.TryGetValue(id, out var visitor))
            {
                return false;
            }

            _visitors[id] = visitor with
            {
                StartTime = startTime ?? visitor.StartTime,
                EndTime = endTime ?? visitor.EndTime,
                Cancelled = cancelled ?? visitor.Cancelled,
                Pin = removePin ? null : visitor.Pin,
            };
            return true;
        }
    }

    /// <summary>Test hook: a visitor someone else added at the console, with a PIN; returns it.</summary>
    public UniFiFakeVisitor AddVisitor(string firstName, string lastName, string doorId, long startTime, long endTime, string pin)
    {
        lock (_gate)
        {
            var visitor = new UniFiFakeVisitor(
                Guid.NewGuid().ToString(), firstName, lastName, "Others", startTime, endTime, [doorId], pin, Cancelled: false, _time.GetUtcNow().ToUnixTimeSeconds());
            _visitors[visitor.Id] = visitor;
            return visitor;
        }
    }

    /// <summary>Test hook: deletes a visitor as someone at the console would; false for an unknown visitor.</summary>
    public bool RemoveVisitor(string id)
    {
        lock (_gate)
        {
            return _visitors.Remove(id);
        }
    }

    /// <summary>Counts the request, applies latency, and answers with an injected failure when one is due.</summary>
    internal async Task<UniFiFakeError?> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        lock (_gate)
        {
            if (_scriptedFailures.TryDequeue(out var scripted))
            {
                return scripted;
            }
        }

        return ErrorRate > 0 && Random.Shared.NextDouble() < ErrorRate ? UniFiFakeError.SystemError : null;
    }

    /// <summary>Checks a bearer token: null when it may perform the action.</summary>
    internal UniFiFakeError? Authorize(string? token, bool edit)
    {
        lock (_gate)
        {
            if (token is null || !_tokens.TryGetValue(token, out var canEdit))
            {
                return UniFiFakeError.AuthFailed;
            }

            return edit && !canEdit ? UniFiFakeError.Unauthorized : null;
        }
    }

    internal UniFiFakeDoor? Door(string id)
    {
        lock (_gate)
        {
            return _doors.GetValueOrDefault(id);
        }
    }

    internal UniFiFakeResult<UniFiFakeVisitor> CreateVisitor(
        string firstName, string lastName, string visitReason, long startTime, long endTime, IReadOnlyList<string> doorIds)
    {
        lock (_gate)
        {
            if (CheckDoors(doorIds) is { } doorError)
            {
                return doorError;
            }

            var visitor = new UniFiFakeVisitor(
                Guid.NewGuid().ToString(), firstName, lastName, visitReason, startTime, endTime, doorIds,
                Pin: null, Cancelled: false, _time.GetUtcNow().ToUnixTimeSeconds());
            _visitors[visitor.Id] = visitor;
            return visitor;
        }
    }

    internal UniFiFakeResult<UniFiFakeVisitor> UpdateVisitor(
        string id, string? firstName, string? lastName, long? startTime, long? endTime, IReadOnlyList<string>? doorIds)
    {
        lock (_gate)
        {
            if (!_visitors.TryGetValue(id, out var visitor))
            {
                return UniFiFakeError.NotFound;
            }

            if (CheckDoors(doorIds ?? visitor.DoorIds) is { } doorError)
            {
                return doorError;
            }

            var updated = visitor with
            {
                FirstName = firstName ?? visitor.FirstName,
                LastName = lastName ?? visitor.LastName,
                StartTime = startTime ?? visitor.StartTime,
                EndTime = endTime ?? visitor.EndTime,
                DoorIds = doorIds ?? visitor.DoorIds,
            };
            if (updated.EndTime <= updated.StartTime)
            {
                return UniFiFakeError.ParamsInvalid;
            }

            _visitors[id] = updated;
            return updated;
        }
    }

    /// <summary>Cancels a visitor, or removes it when <paramref name="force"/>; a removed visitor's PIN is free again.</summary>
    internal UniFiFakeError? DeleteVisitor(string id, bool force)
    {
        lock (_gate)
        {
            if (!_visitors.TryGetValue(id, out var visitor))
            {
                return UniFiFakeError.NotFound;
            }

            if (force)
            {
                _visitors.Remove(id);
            }
            else
            {
                _visitors[id] = visitor with { Cancelled = true };
            }

            return null;
        }
    }

    /// <summary>Assigns (or replaces) a visitor's PIN, enforcing the site's length and site-wide uniqueness.</summary>
    internal UniFiFakeError? AssignPin(string id, string? pin)
    {
        lock (_gate)
        {
            if (!_visitors.TryGetValue(id, out var visitor))
            {
                return UniFiFakeError.NotFound;
            }

            if (string.IsNullOrEmpty(pin) || !pin.All(char.IsAsciiDigit))
            {
                return UniFiFakeError.ParamsInvalid;
            }

            if (!HasSiteLength(pin))
            {
                return UniFiFakeError.PinLengthInvalid;
            }

            if (_visitors.Values.Any(other => other.Id != id && other.Pin == pin))
            {
                return UniFiFakeError.PinExists;
            }

            _visitors[id] = visitor with { Pin = pin };
            return null;
        }
    }

    internal UniFiFakeError? UnassignPin(string id)
    {
        lock (_gate)
        {
            if (!_visitors.TryGetValue(id, out var visitor))
            {
                return UniFiFakeError.NotFound;
            }

            _visitors[id] = visitor with { Pin = null };
            return null;
        }
    }

    /// <summary>A fresh PIN of the site's length that no visitor uses.</summary>
    internal string GeneratePin()
    {
        lock (_gate)
        {
            while (true)
            {
                var length = PinLength ?? 6;
                var pin = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
                if (_visitors.Values.All(visitor => visitor.Pin != pin))
                {
                    return pin;
                }
            }
        }
    }

    /// <summary>The opaque token the API shows instead of a PIN's digits.</summary>
    internal static string PinToken(string pin) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("unifi-fake-pin:" + pin)));

    private bool HasSiteLength(string pin) => PinLength is { } length ? pin.Length == length : pin.Length is >= 4 and <= 8;

    private UniFiFakeError? CheckDoors(IReadOnlyList<string> doorIds)
    {
        foreach (var doorId in doorIds)
        {
            if (!_doors.ContainsKey(doorId))
            {
                return UniFiFakeError.NotFound;
            }

            if (_offlineDoors.Contains(doorId))
            {
                return UniFiFakeError.DeviceOffline;
            }
        }

        return null;
    }
}
