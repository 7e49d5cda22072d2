using System.Text.Json;

namespace Kasify.Testing.Migration;

/// <summary>
/// A GET request and the answer the fixture's code gave. Replayed against newer code on the same data, every field of
/// <see cref="Body"/> must come back with the same value, except <see cref="VolatileFields"/>; fields the newer code
/// adds are allowed.
/// </summary>
public sealed record RecordedRequest
{
    /// <summary>The caller for the public endpoints (no credentials).</summary>
    public const string Public = "public";

    /// <summary>The caller that authenticates with the manifest's personal access token.</summary>
    public const string PersonalAccessToken = "pat";

    /// <summary>A <see cref="FixtureUser.Key"/>, <see cref="Public"/> or <see cref="PersonalAccessToken"/>.</summary>
    public required string Caller { get; init; }

    /// <summary>Path and query.</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP status.</summary>
    public required int Status { get; init; }

    /// <summary>The JSON body.</summary>
    public required JsonElement Body { get; init; }

    /// <summary>Names of fields, at any depth, whose values the vendor or the clock change by themselves.</summary>
    public IReadOnlyList<string>? VolatileFields { get; init; }
}
