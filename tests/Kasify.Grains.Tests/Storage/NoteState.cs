namespace Kasify.Grains.Tests.Storage;

/// <summary>State of <see cref="NoteGrain"/>.</summary>
public sealed class NoteState
{
    /// <summary>The note.</summary>
    public string Text { get; set; } = "";

    /// <summary>When it was written, to check that non-string values round-trip through JSON.</summary>
    public DateTimeOffset WrittenAt { get; set; }
}
