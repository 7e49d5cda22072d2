using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>Builds <see cref="ITaskPublicTokenIndexGrain"/> keys from public task tokens.</summary>
public static class TaskPublicTokenKeys
{
    private const string LegacyPrefix = "taskpub:";

    /// <summary>"tasklink:" + the hex SHA-256 of the token (<see cref="SecretKeys"/>).</summary>
    public static string For(string token) => SecretKeys.For("tasklink", token);

    /// <summary>
    /// "taskpub:" + the raw token: how tokens were indexed before they were hashed. Such an index entry is only read,
    /// and moves itself to <see cref="For"/> on that read.
    /// </summary>
    public static string Legacy(string token) => LegacyPrefix + token;

    /// <summary>The raw token of a <see cref="Legacy"/> key, or null for any other key.</summary>
    public static string? TokenOfLegacy(string key) =>
        key.StartsWith(LegacyPrefix, StringComparison.Ordinal) ? key[LegacyPrefix.Length..] : null;
}
