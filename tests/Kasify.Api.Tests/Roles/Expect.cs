namespace Kasify.Api.Tests.Roles;

/// <summary>
/// What one caller must get from one endpoint: the status, the problem <c>code</c> when one is named, and for reads which
/// fields must carry a value somewhere in the body (<see cref="Shows"/>), which must be null or absent everywhere in it
/// (<see cref="Redacts"/>), and which of the arrangement's markers (ids, the owner's email) the body must or must not contain.
/// </summary>
internal sealed record Expect(int Status, string? Code = null)
{
    public IReadOnlyList<string> Shows { get; init; } = [];

    public IReadOnlyList<string> Redacts { get; init; } = [];

    public IReadOnlyList<string> Includes { get; init; } = [];

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public Expect Showing(params string[] fields) => this with { Shows = fields };

    public Expect Redacting(params string[] fields) => this with { Redacts = fields };

    public Expect Including(params string[] markers) => this with { Includes = markers };

    public Expect Excluding(params string[] markers) => this with { Excludes = markers };

    public override string ToString() => Code is null ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Status} {Code}";
}
