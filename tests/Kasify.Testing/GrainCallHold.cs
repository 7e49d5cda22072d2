namespace Kasify.Testing;

/// <summary>
/// Calls held at one grain by <see cref="GrainCallProbe.HoldCallsTo"/>; releasing (or disposing) lets them and every
/// later call through.
/// </summary>
public sealed class GrainCallHold : IDisposable
{
    private readonly Action _forget;
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal GrainCallHold(Action forget, string? method)
    {
        _forget = forget;
        Method = method;
    }

    /// <summary>The one method held, or null for every call.</summary>
    public string? Method { get; }

    /// <summary>Completes when a held call has arrived at the grain.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets the held calls run.</summary>
    public void Release()
    {
        _forget();
        _released.TrySetResult();
    }

    public void Dispose() => Release();

    internal Task WaitAsync()
    {
        _entered.TrySetResult();
        return _released.Task;
    }
}
