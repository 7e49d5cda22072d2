using System.Text.Json.Nodes;

namespace Kasify.Load.LockCodes;

/// <summary>
/// One booking of the run and the nights it owns: <see cref="Nights"/> nights from <see cref="Start"/>, disjoint from every
/// other booking's, so moving its dates anywhere inside them never overlaps another booking. It remembers the ids of the
/// codes the last answers listed as live (pending or active), which revokes pick from.
/// </summary>
internal sealed class BookingSlot(Guid id, DateOnly start)
{
    public const int Nights = 6;

    private readonly Lock _gate = new();
    private List<Guid> _liveCodes = [];

    public Guid Id { get; } = id;

    public DateOnly Start { get; } = start;

    /// <summary>The dates a new booking gets: nights 1 to 3 of the slot starting at <paramref name="start"/>.</summary>
    public static (DateOnly From, DateOnly To) InitialDates(DateOnly start) => (start.AddDays(1), start.AddDays(4));

    /// <summary>Random dates inside the slot, at least one night.</summary>
    public (DateOnly From, DateOnly To) RandomDates(Random random)
    {
        var from = random.Next(0, Nights);
        var to = random.Next(from + 1, Nights + 1);
        return (Start.AddDays(from), Start.AddDays(to));
    }

    public bool HasLiveCodes
    {
        get
        {
            lock (_gate)
            {
                return _liveCodes.Count > 0;
            }
        }
    }

    public Guid? RandomLiveCode(Random random)
    {
        lock (_gate)
        {
            return _liveCodes.Count == 0 ? null : _liveCodes[random.Next(_liveCodes.Count)];
        }
    }

    /// <summary>Takes the live codes from an access code answer (<c>{"codes":[{"id","status"}]}</c>).</summary>
    public void Observe(JsonNode? answer)
    {
        if (answer?["codes"] is not JsonArray codes)
        {
            return;
        }

        var live = codes
            .Where(code => code?["status"]?.GetValue<string>() is "pending" or "active")
            .Select(code => Guid.Parse(code!["id"]!.GetValue<string>()))
            .ToList();
        lock (_gate)
        {
            _liveCodes = live;
        }
    }

    public void Forget(Guid codeId)
    {
        lock (_gate)
        {
            _liveCodes.Remove(codeId);
        }
    }
}
