namespace Kasify.Load.ReadRatio;

/// <summary>
/// The read-ratio mode's settings: <c>--properties</c> (the spread case, default 1000), <c>--locks-per-property</c>
/// (default 1), <c>--rounds</c> (slices per target that API and bare take turns in, default 2),
/// <c>--warmup-seconds</c> (unmeasured, per target and case, default 2), <c>--nuki-token</c> (the first account's Nuki
/// fake token, default <c>nuki-demo-token</c>), <c>--nuki-fake</c> (the fake's URL for seeding locks, default
/// <c>http://127.0.0.1:18081</c>), <c>--extra-tokens</c> (tokens of further users, comma-separated, when the properties'
/// locks exceed one account) and <c>--keep-setup true</c> (leave the properties; by default they are deleted).
/// </summary>
internal sealed record ReadRatioOptions(
    int Properties,
    int LocksPerProperty,
    int Rounds,
    TimeSpan Warmup,
    string NukiToken,
    Uri NukiFake,
    IReadOnlyList<string> ExtraTokens,
    bool KeepSetup)
{
    /// <summary>
    /// The locks one account's Nuki integration gives the run: Kasify keeps the first 500 devices the vendor lists, and
    /// the fake's demo locks and the checkin-latency mode's lock come before the run's own in that list.
    /// </summary>
    public const int LocksPerAccount = 480;

    public int PropertiesPerAccount => LocksPerAccount / LocksPerProperty;

    /// <summary>How many users (each with its own account and Nuki integration) the properties' locks need.</summary>
    public int AccountsNeeded => (Properties + PropertiesPerAccount - 1) / PropertiesPerAccount;

    public static ReadRatioOptions Parse(LoadArguments values)
    {
        var nukiFake = new Uri(values.Text("nuki-fake", "http://127.0.0.1:18081"));
        if (!nukiFake.IsLoopback)
        {
            throw new ArgumentException("--nuki-fake must be a loopback address.");
        }

        var options = new ReadRatioOptions(
            values.Integer("properties", 1000),
            values.Integer("locks-per-property", 1),
            values.Integer("rounds", 2),
            TimeSpan.FromSeconds(values.Number("warmup-seconds", 2)),
            values.Text("nuki-token", "nuki-demo-token"),
            nukiFake,
            values.Text("extra-tokens", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            bool.Parse(values.Text("keep-setup", "false")));
        if (options.Properties < 1 || options.Rounds < 1 || options.LocksPerProperty is < 1 or > LocksPerAccount)
        {
            throw new ArgumentException($"--properties and --rounds must be at least 1, --locks-per-property 1 to {LocksPerAccount}.");
        }

        return options;
    }
}
