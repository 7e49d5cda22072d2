namespace Kasify.Fakes.Channels;

/// <summary>
/// Start-up settings, bound from the configuration section <c>ChannelFake</c> (e.g. <c>--ChannelFake:Demo=true</c>).
/// Switches change at run time through <c>PUT /fake/switches</c> and <c>PUT /fake/feeds/{name}/switches</c>.
/// </summary>
public sealed class ChannelFakeOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ChannelFake";

    /// <summary>Seeds the demo feeds <c>demo-airbnb</c> and <c>demo-booking</c>.</summary>
    public bool Demo { get; set; }

    /// <summary>The mode every feed starts in.</summary>
    public ChannelFeedMode Mode { get; set; } = ChannelFeedMode.Normal;

    /// <summary>The delay of the <see cref="ChannelFeedMode.Slow"/> mode at start.</summary>
    public int DelayMs { get; set; }

    /// <summary>Start with conditional requests ignored (always 200).</summary>
    public bool IgnoreConditional { get; set; }

    /// <summary>The switches every feed starts with.</summary>
    public ChannelFeedSwitches Switches => new(Mode, DelayMs, IgnoreConditional);

    /// <summary>Binds the options from the <c>ChannelFake</c> section of <paramref name="configuration"/>.</summary>
    public static ChannelFakeOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ChannelFakeOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
