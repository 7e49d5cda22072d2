using System.Reflection;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Auth;

/// <summary>
/// Makes signing keys that <c>dotnet user-jwts</c> adds while the API runs count at once, so the README's order
/// (start, then mint the first token) works on a machine where no key existed yet.
/// </summary>
internal static class DevelopmentSigningKeysExtensions
{
    private const string BearerSection = "Authentication:Schemes:" + KasifyAuthSchemes.Jwt;

    /// <summary>
    /// In Development, watches the user-secrets file from a folder that exists (created owner-only when missing), and
    /// rebuilds the JWT options whenever their configuration changes.
    /// </summary>
    public static WebApplicationBuilder AddReloadingDevelopmentSigningKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IOptionsChangeTokenSource<JwtBearerOptions>>(
            new ConfigurationChangeTokenSource<JwtBearerOptions>(KasifyAuthSchemes.Jwt, builder.Configuration.GetSection(BearerSection)));
        if (!builder.Environment.IsDevelopment()
            || typeof(Program).Assembly.GetCustomAttribute<UserSecretsIdAttribute>() is not { } secretsId)
        {
            return builder;
        }

        var secretsFile = PathHelper.GetSecretsPathFromSecretsId(secretsId.UserSecretsId);
        var folder = Path.GetDirectoryName(secretsFile)!;
        if (!Directory.Exists(folder))
        {
            // The default user-secrets source watches the content root instead when the folder is missing, so the
            // key written by the first `dotnet user-jwts create` would never be read.
            CreateOwnerOnlyFolder(folder);
        }

        ReplaceUserSecretsSource(builder.Configuration, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(folder),
            Path = Path.GetFileName(secretsFile),
            Optional = true,
            ReloadOnChange = true,
        });
        return builder;
    }

    // Replacing in place keeps the precedence of the defaults: environment variables and the command line still win.
    private static void ReplaceUserSecretsSource(IConfigurationBuilder configuration, JsonConfigurationSource watched)
    {
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: var path } && string.Equals(path, watched.Path, StringComparison.Ordinal))
            {
                sources[i] = watched;
                return;
            }
        }

        sources.Add(watched);
    }

    private static void CreateOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
