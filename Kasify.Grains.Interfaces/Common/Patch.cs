namespace Kasify.Grains.Interfaces.Common;

/// <summary>
/// One field of a JSON merge patch: <see cref="IsSet"/> is false when the field was absent (leave it as is);
/// when set, <see cref="Value"/> is the new value, null meaning "clear".
/// </summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Common.Patch`1")]
public readonly record struct Patch<T>(bool IsSet, T? Value)
{
    /// <summary>A field that was present in the patch document.</summary>
    public static Patch<T> Set(T? value) => new(true, value);

    /// <summary>Applies the patch to a current value.</summary>
    public T? ApplyTo(T? current) => IsSet ? Value : current;
}
