using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kasify.Testing.Migration;

/// <summary>
/// What a migration fixture holds, written next to its database by <c>tests/Kasify.MigrationFixture</c> (from the
/// code of the day it ran) and read by the migration tests: who can call, the ids and secrets that reach each
/// entity (<see cref="FileName"/>), and every answer the API gave for the data at the end of the run
/// (<see cref="RequestsFileName"/>, one request per line).
/// </summary>
public sealed record FixtureManifest
{
    /// <summary>The manifest's file name inside a fixture folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The recorded requests' file name inside a fixture folder (JSON Lines).</summary>
    public const string RequestsFileName = "requests.jsonl";

    private static readonly JsonSerializerOptions Indented = Options(indented: true);
    private static readonly JsonSerializerOptions Lines = Options(indented: false);

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The silo's clock when the fixture's hosts stopped: a silo started on the fixture resumes from here.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The commit the generating code was built from, when known.</summary>
    public string? GeneratedFromCommit { get; init; }

    /// <summary>The issuer of the users' JWTs: a user is its issuer and subject.</summary>
    public required string JwtIssuer { get; init; }

    /// <summary>The Nuki account at the vendor (its fake) that the fixture's Nuki integration uses.</summary>
    public required FixtureNukiAccount Nuki { get; init; }

    /// <summary>Every caller, registered or not.</summary>
    public required IReadOnlyList<FixtureUser> Users { get; init; }

    /// <summary>A personal access token, shown once when it was created.</summary>
    public required FixturePersonalAccessToken PersonalAccessToken { get; init; }

    /// <summary>Every property.</summary>
    public required IReadOnlyList<FixtureProperty> Properties { get; init; }

    /// <summary>Every booking, cancelled ones included.</summary>
    public required IReadOnlyList<FixtureBooking> Bookings { get; init; }

    /// <summary>Every task, the automatic cleaning tasks included.</summary>
    public required IReadOnlyList<FixtureTask> Tasks { get; init; }

    /// <summary>Every invitation, whatever became of it.</summary>
    public required IReadOnlyList<FixtureInvitation> Invitations { get; init; }

    /// <summary>Every access code, revoked ones included.</summary>
    public required IReadOnlyList<FixtureAccessCode> AccessCodes { get; init; }

    /// <summary>The GET requests the generator made at the end, in order, with the answers it got.</summary>
    [JsonIgnore]
    public IReadOnlyList<RecordedRequest> Requests { get; init; } = [];

    /// <summary>Reads the manifest and the recorded requests of a fixture folder.</summary>
    public static FixtureManifest Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var manifest = JsonSerializer.Deserialize<FixtureManifest>(File.ReadAllText(path), Indented)
            ?? throw new InvalidDataException($"{path} holds no manifest.");
        var requests = File.ReadLines(Path.Combine(folder, RequestsFileName))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<RecordedRequest>(line, Lines)!)
            .ToList();
        return manifest with { Requests = requests };
    }

    /// <summary>Writes the manifest and the recorded requests into a fixture folder.</summary>
    public void Save(string folder)
    {
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Indented) + "\n");
        File.WriteAllLines(Path.Combine(folder, RequestsFileName), Requests.Select(request => JsonSerializer.Serialize(request, Lines)));
    }

    /// <summary>The user with this key.</summary>
    public FixtureUser User(string key) => Users.Single(user => user.Key == key);

    /// <summary>The property with this key.</summary>
    public FixtureProperty Property(string key) => Properties.Single(property => property.Key == key);

    /// <summary>The booking with this key.</summary>
    public FixtureBooking Booking(string key) => Bookings.Single(booking => booking.Key == key);

    private static JsonSerializerOptions Options(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = indented,
        // Names and summaries in Spanish and German stay readable; the files are test data, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
