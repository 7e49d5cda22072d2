namespace Kasify.Fakes.UniFi;

/// <summary>A value or the error the fake answers with instead.</summary>
internal readonly record struct UniFiFakeResult<T>(T? Value, UniFiFakeError? Error)
{
    public static implicit operator UniFiFakeResult<T>(T value) => new(value, null);

    public static implicit operator UniFiFakeResult<T>(UniFiFakeError error) => new(default, error);
}
