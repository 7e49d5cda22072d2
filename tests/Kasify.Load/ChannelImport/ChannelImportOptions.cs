namespace Kasify.Load.ChannelImport;

/// <summary>
/// The channel-import mode's settings: <c>--events</c> (the feed's size, default 1000), <c>--rounds</c> (syncs timed per
/// case, default 5) and <c>--channel-fake</c> (the fake channel server, default <c>http://127.0.0.1:18084</c>, which
/// <c>KASIFY_FAKES=1 ./run.sh</c> starts).
/// </summary>
internal sealed record ChannelImportOptions(int Events, int Rounds, Uri ChannelFake)
{
    public static ChannelImportOptions Parse(LoadArguments values)
    {
        var options = new ChannelImportOptions(
            values.Integer("events", 1000), values.Integer("rounds", 5), new Uri(values.Text("channel-fake", "http://127.0.0.1:18084")));
        if (options.Events is < 1 or > 4000 || options.Rounds < 1)
        {
            throw new ArgumentException("--events is 1 to 4000 and --rounds at least 1.");
        }

        return options;
    }
}
