namespace Kasify.Load.BookingScale;

/// <summary>
/// The booking-scale mode's settings: <c>--bookings</c> (N, what the full property holds at the end of its measurement,
/// default 5000), <c>--measure</c> (how many creates are measured on each property, default 500), <c>--existing</c>
/// (<c>past</c>: the full property's earlier bookings are one-night stays ending yesterday, as years of history;
/// <c>future</c>: they follow the measured nights), <c>--sqlite &lt;path&gt;</c> or <c>--postgres &lt;connection
/// string&gt;</c> (the silo's database, to report the largest stored grain rows) and <c>--keep-setup true</c> (leave the
/// two properties; by default they are deleted).
/// </summary>
internal sealed record BookingScaleOptions(int Bookings, int Measure, bool ExistingInThePast, string? SqlitePath, string? PostgresConnectionString, bool KeepSetup)
{
    /// <summary>One-night bookings fit between 2000-01-01 and 2100-12-31 (the dates the API accepts) around today.</summary>
    public const int MaxBookings = 25_000;

    public int Existing => Bookings - Measure;

    public static BookingScaleOptions Parse(LoadArguments values)
    {
        var existing = values.Text("existing", "past");
        var options = new BookingScaleOptions(
            values.Integer("bookings", 5000),
            values.Integer("measure", 500),
            existing switch
            {
                "past" => true,
                "future" => false,
                _ => throw new ArgumentException("--existing is past or future."),
            },
            values.Text("sqlite"),
            values.Text("postgres"),
            bool.Parse(values.Text("keep-setup", "false")));
        if (options.Measure < 1 || options.Bookings < options.Measure || options.Bookings > MaxBookings)
        {
            throw new ArgumentException($"--measure must be at least 1 and --bookings between --measure and {MaxBookings}.");
        }

        if (options.SqlitePath is not null && options.PostgresConnectionString is not null)
        {
            throw new ArgumentException("Give --sqlite or --postgres, not both.");
        }

        return options;
    }
}
