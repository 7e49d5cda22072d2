namespace Kasify.Load.CheckinLatency;

/// <summary>
/// The checkin-latency mode's settings: <c>--busy-seconds</c> (the phase with owner work, default 30),
/// <c>--vendor-latency-ms</c> (what the Nuki fake adds to each request meanwhile, default 4000), <c>--smtp-port</c> (where
/// the tool's dead SMTP server listens on 127.0.0.1, default 18025; the silo must send mail there), <c>--nuki-token</c>
/// (default <c>nuki-demo-token</c>), <c>--nuki-fake</c> (default <c>http://127.0.0.1:18081</c>) and
/// <c>--keep-setup true</c> (leave the property; by default it is deleted).
/// </summary>
internal sealed record CheckinLatencyOptions(TimeSpan Busy, int VendorLatencyMs, int SmtpPort, string NukiToken, Uri NukiFake, bool KeepSetup)
{
    public static CheckinLatencyOptions Parse(LoadArguments values)
    {
        var nukiFake = new Uri(values.Text("nuki-fake", "http://127.0.0.1:18081"));
        if (!nukiFake.IsLoopback)
        {
            throw new ArgumentException("--nuki-fake must be a loopback address.");
        }

        var options = new CheckinLatencyOptions(
            TimeSpan.FromSeconds(values.Number("busy-seconds", 30)),
            values.Integer("vendor-latency-ms", 4000),
            values.Integer("smtp-port", 18025),
            values.Text("nuki-token", "nuki-demo-token"),
            nukiFake,
            bool.Parse(values.Text("keep-setup", "false")));
        if (options.Busy <= TimeSpan.Zero || options.VendorLatencyMs < 0 || options.SmtpPort is < 1 or > 65535)
        {
            throw new ArgumentException("--busy-seconds must be positive, --vendor-latency-ms at least 0, --smtp-port a TCP port.");
        }

        return options;
    }
}
