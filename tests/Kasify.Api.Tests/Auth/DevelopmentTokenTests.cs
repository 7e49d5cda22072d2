using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Auth;

/// <summary>
/// The README's first run on a machine where <c>dotnet user-jwts</c> never ran: the API starts with no signing key
/// in user secrets, then the first token is minted. That token must be accepted without restarting the API.
/// </summary>
[Collection(DevelopmentTokenCollection.Name)]
public sealed class DevelopmentTokenTests : IClassFixture<KasifyApiFactory>, IDisposable
{
    private const string UserSecretsRootVariable = "APPDATA";

    private readonly KasifyApiFactory _factory;
    private readonly string _secretsRoot = Path.Combine(Path.GetTempPath(), "kasify-user-secrets-" + Guid.NewGuid().ToString("N"));

    public DevelopmentTokenTests(KasifyApiFactory factory) => _factory = factory;

    [Fact]
    public async Task TokenMintedAfterStartFromAnEmptyUserSecretsFolderIsAccepted()
    {
        await using var host = _factory.AsDevelopment();
        using var client = StartWithUserSecretsUnder(host, _secretsRoot);
        Assert.False(Directory.EnumerateFiles(_secretsRoot, "*", SearchOption.AllDirectories).Any(), "the user-secrets folder must start empty");

        var token = await MintDevelopmentTokenAsync(_secretsRoot);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The API sees the new key once the file watcher reports the change; the deadline only bounds a broken run.
        var status = await StatusOnceAcceptedAsync(client, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsStillRefusedInDevelopment()
    {
        await using var host = _factory.AsDevelopment();
        using var client = StartWithUserSecretsUnder(host, _secretsRoot);
        var otherRoot = _secretsRoot + "-other";
        try
        {
            // Minted against a different user-secrets folder: signed with a key this API has never been given.
            var foreign = await MintDevelopmentTokenAsync(otherRoot);
            await MintDevelopmentTokenAsync(_secretsRoot);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", foreign);

            var response = await client.GetAsync("/test/caller");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
        }
        finally
        {
            DeleteFolder(otherRoot);
        }
    }

    public void Dispose() => DeleteFolder(_secretsRoot);

    // The host reads the user-secrets location from the environment while it is built; restore it right after.
    private static HttpClient StartWithUserSecretsUnder(KasifyApiFactory host, string root)
    {
        var previous = Environment.GetEnvironmentVariable(UserSecretsRootVariable);
        Directory.CreateDirectory(root);
        Environment.SetEnvironmentVariable(UserSecretsRootVariable, root);
        try
        {
            return host.CreateClient();
        }
        finally
        {
            Environment.SetEnvironmentVariable(UserSecretsRootVariable, previous);
        }
    }

    private static async Task<HttpStatusCode> StatusOnceAcceptedAsync(HttpClient client, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync("/test/caller");
            if (response.StatusCode != HttpStatusCode.Unauthorized || clock.Elapsed > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Runs the README's <c>dotnet user-jwts create</c> for Kasify.Api with its user secrets under <paramref name="root"/>.</summary>
    private static async Task<string> MintDevelopmentTokenAsync(string root)
    {
        var start = new ProcessStartInfo("dotnet", ["user-jwts", "create", "--project", FindApiProject(), "--name", "ana", "-o", "token"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[UserSecretsRootVariable] = root;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet user-jwts did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet user-jwts failed ({process.ExitCode}): {await error}");
        return (await output).Trim();
    }

    private static string FindApiProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Kasify.Api", "Kasify.Api.csproj");
            if (File.Exists(Path.Combine(dir.FullName, "Kasify.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Kasify.Api.csproj not found above " + AppContext.BaseDirectory);
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
