using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>Builds <see cref="ICheckinCodeIndexGrain"/> keys from check-in codes.</summary>
public static class CheckinCodeKeys
{
    private const string LegacyPrefix = "code:";

    /// <summary>"checkin:" + the hex SHA-256 of the code (<see cref="SecretKeys"/>).</summary>
    public static string For(string code) => SecretKeys.For("checkin", code);

    /// <summary>
    /// "code:" + the raw code: how codes were indexed before they were hashed. Such an index entry is only read, and
    /// moves itself to <see cref="For"/> on that read.
    /// </summary>
    public static string Legacy(string code) => LegacyPrefix + code;

    /// <summary>The raw code of a <see cref="Legacy"/> key, or null for any other key.</summary>
    public static string? CodeOfLegacy(string key) =>
        key.StartsWith(LegacyPrefix, StringComparison.Ordinal) ? key[LegacyPrefix.Length..] : null;
}
