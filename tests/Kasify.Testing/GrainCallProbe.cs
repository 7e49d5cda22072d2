using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Testing;

/// <summary>
/// An incoming grain call filter for test silos: counts the calls each grain receives, per method, and can hold the
/// calls to one grain until the test lets them go, so a test can see which calls the API makes and what a grain does
/// while another call is still running. Install it with <see cref="AddTo"/>; the silo's services hold the instance.
/// </summary>
public sealed class GrainCallProbe : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Method), int> _calls = new();
    private readonly ConcurrentDictionary<GrainId, GrainCallHold> _holds = new();
    private readonly ConcurrentQueue<GrainCallRecord> _journal = new();

    /// <summary>Registers a probe in the silo's services and as an incoming call filter.</summary>
    public static void AddTo(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<GrainCallProbe>();
        silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallProbe>());
    }

    /// <summary>How many calls, of any method, the grain has received.</summary>
    public int CallsTo(GrainId grain) => _calls.Where(call => call.Key.Grain == grain).Sum(call => call.Value);

    /// <summary>How many calls of the interface method named <paramref name="method"/> the grain has received.</summary>
    public int CallsTo(GrainId grain, string method) => _calls.GetValueOrDefault((grain, method));

    /// <summary>Every call that has finished so far (answered or failed), in the order they finished, with its times.</summary>
    public IReadOnlyList<GrainCallRecord> Journal => [.. _journal];

    /// <summary>
    /// Holds every call to <paramref name="grain"/> (only those of <paramref name="method"/>, when given) from now on until
    /// the returned hold is released (or disposed). <see cref="GrainCallHold.Entered"/> completes when the first held call
    /// arrives.
    /// </summary>
    public GrainCallHold HoldCallsTo(GrainId grain, string? method = null)
    {
        var hold = new GrainCallHold(() => _holds.TryRemove(grain, out _), method);
        if (!_holds.TryAdd(grain, hold))
        {
            throw new InvalidOperationException($"Calls to {grain} are held already.");
        }

        return hold;
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _calls.AddOrUpdate((context.TargetId, context.InterfaceMethod.Name), 1, (_, count) => count + 1);
        if (_holds.TryGetValue(context.TargetId, out var hold) && (hold.Method is null || hold.Method == context.InterfaceMethod.Name))
        {
            await hold.WaitAsync();
        }

        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            await context.Invoke();
        }
        finally
        {
            _journal.Enqueue(new GrainCallRecord(context.TargetId, context.InterfaceMethod.Name, startedAt, DateTimeOffset.UtcNow));
        }
    }
}
