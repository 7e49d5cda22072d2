namespace Kasify.Load.LockCodes;

/// <summary>
/// The lock-codes mode's settings: <c>--nuki-token</c> (the Nuki API token to connect, default the fake's demo token),
/// <c>--locks</c> (how many of the integration's locks to assign, default 3), <c>--bookings</c> (default 50),
/// <c>--mix</c> (weights of create,revoke,move,read, default 35,20,20,25), <c>--nuki-fake</c> (the fake's URL: after
/// the run, wait up to <c>--settle-seconds</c> for pending work and compare the fake's codes with Kasify's) and
/// <c>--keep-setup true</c> (leave the locks assigned; by default they are unassigned at the end, which revokes the
/// run's codes at the vendor so repeated runs stay under the lock's 100-code limit).
/// </summary>
internal sealed record LockCodesOptions(
    string NukiToken,
    int Locks,
    int Bookings,
    IReadOnlyDictionary<LockCodeOperation, int> Mix,
    Uri? NukiFake,
    TimeSpan Settle,
    bool KeepSetup)
{
    public static LockCodesOptions Parse(LoadArguments values)
    {
        var weights = values.Text("mix", "35,20,20,25").Split(',').Select(weight => int.Parse(weight, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (weights.Length != 4 || weights.Any(weight => weight < 0) || weights.Sum() == 0)
        {
            throw new ArgumentException("--mix takes four non-negative weights: create,revoke,move,read (e.g. 35,20,20,25).");
        }

        var nukiFake = values.Text("nuki-fake") is { } fake ? new Uri(fake) : null;
        if (nukiFake is { IsLoopback: false })
        {
            throw new ArgumentException("--nuki-fake must be a loopback address.");
        }

        var options = new LockCodesOptions(
            values.Text("nuki-token", "nuki-demo-token"),
            values.Integer("locks", 3),
            values.Integer("bookings", 50),
            new Dictionary<LockCodeOperation, int>
            {
                [LockCodeOperation.Create] = weights[0],
                [LockCodeOperation.Revoke] = weights[1],
                [LockCodeOperation.Move] = weights[2],
                [LockCodeOperation.Read] = weights[3],
            },
            nukiFake,
            TimeSpan.FromSeconds(values.Number("settle-seconds", 60)),
            bool.Parse(values.Text("keep-setup", "false")));
        if (options.Locks < 1 || options.Bookings < 1)
        {
            throw new ArgumentException("--locks and --bookings must be at least 1.");
        }

        return options;
    }
}
