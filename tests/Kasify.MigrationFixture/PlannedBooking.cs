namespace Kasify.MigrationFixture;

/// <summary>A booking the scenario creates: its dates, channel and guest contact, and what it stands for.</summary>
internal sealed record PlannedBooking(string Key, string Property, DateOnly From, DateOnly To, string Channel)
{
    public string? ChannelId { get; init; }

    public string? Guest { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public int Adults { get; init; } = 2;

    public int Children { get; init; }

    public int Infants { get; init; }

    public string? Payment { get; init; }

    public string? Notes { get; init; }

    public string? SpecialRequests { get; init; }

    public string? ArrivalTime { get; init; }

    /// <summary>Where a later PATCH moves the stay (the booking is created on other dates first).</summary>
    public (DateOnly From, DateOnly To)? CreatedOn { get; init; }

    /// <summary>What it stands for; <c>cancelled_on_create</c> and <c>cancelled_later</c> also drive the scenario.</summary>
    public IReadOnlyList<string> Traits { get; init; } = [];

    /// <summary>The create request's body, with the wire's field names.</summary>
    public Dictionary<string, object?> Body()
    {
        var (from, to) = CreatedOn ?? (From, To);
        var body = new Dictionary<string, object?>
        {
            ["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["channel"] = Channel,
            ["adults_count"] = Adults,
            ["children_count"] = Children,
            ["infants_count"] = Infants,
        };
        if (Guest is not null)
        {
            var space = Guest.IndexOf(' ', StringComparison.Ordinal);
            body["guest_first_name"] = Guest[..space];
            body["guest_last_name"] = Guest[(space + 1)..];
        }

        Add(body, "channel_id", ChannelId);
        Add(body, "guest_email", Email);
        Add(body, "guest_phone", Phone);
        Add(body, "payment_type", Payment);
        Add(body, "notes", Notes);
        Add(body, "special_requests", SpecialRequests);
        Add(body, "arrival_time", ArrivalTime);
        if (Traits.Contains("cancelled_on_create"))
        {
            body["status"] = "cancelled";
        }

        return body;
    }

    private static void Add(Dictionary<string, object?> body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }
}
