using Kasify.Fakes.Ses;
using Kasify.Grains.Interfaces.Activity;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;
using Kasify.Grains.Tests.SmartLocks;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>
/// A host whose account reports to SES.HOSPEDAJES (the fake's demo credentials, unless told otherwise) with one property
/// registered as an establishment; books stays and registers guests, and reads back what the fake received.
/// </summary>
internal sealed class SesHost
{
    private static int _slots;

    private readonly SesFakeState _fake;

    private SesHost(SesFakeState fake, Guid ownerId, IPropertyGrain property, IGrainFactory grains)
    {
        _fake = fake;
        OwnerId = ownerId;
        Property = property;
        Bookings = grains.Bookings(property);
    }

    public Guid OwnerId { get; }

    public IPropertyGrain Property { get; }

    /// <summary>The property's bookings and their check-in.</summary>
    public PropertyBookings Bookings { get; }

    /// <summary>A host; with <paramref name="connectSes"/> false, its account has no SES integration.</summary>
    public static Task<SesHost> CreateAsync(SesCluster cluster, bool connectSes = true, string? establishmentCode = "0000000042") =>
        CreateAsync(cluster.Grains, cluster.SesFake, connectSes, establishmentCode);

    /// <summary>A host created through <paramref name="grains"/>, reporting to <paramref name="sesFake"/>.</summary>
    public static async Task<SesHost> CreateAsync(IGrainFactory grains, SesFakeState sesFake, bool connectSes = true, string? establishmentCode = "0000000042")
    {
        var owner = await grains.RegisterNewUserAsync();
        if (connectSes)
        {
            var fake = sesFake.Options;
            var settings = new IntegrationSettings(
                "SES", fake.Password, Ses: new SesIntegrationSettings(fake.ArrendadorCode, fake.Username, SesEnvironment.Test, "Kasify tests"));
            await grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(owner.Id, IntegrationType.SesHospedajes, settings);
        }

        var property = grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details() with { SesEstablishmentCode = establishmentCode, HasInternet = true, RoomsCount = 2 });
        return new SesHost(sesFake, owner.Id, property, grains);
    }

    /// <summary>The same host through another client (after a restart).</summary>
    public SesHost On(IGrainFactory grains) => new(_fake, OwnerId, grains.GetGrain<IPropertyGrain>(Property.GetPrimaryKey()), grains);

    /// <summary>Books two adults for two nights in a slot no other test uses.</summary>
    public Task<BookingDto> BookAsync() =>
        Bookings.CreateBookingAsync(OwnerId, LockStays.InSlot(Interlocked.Increment(ref _slots)) with { AdultsCount = 2, ChildrenCount = 0, InfantsCount = 0 });

    public async Task<BookingDto> GetAsync(Guid bookingId) => (await Bookings.GetBookingAsync(OwnerId, bookingId))!;

    /// <summary>Registers both adults: a Spaniard and a German with <paramref name="passport"/>.</summary>
    public async Task<CheckinSnapshot> CompleteCheckinAsync(Guid bookingId, string passport = "C01X00T47")
    {
        await Bookings.RegisterGuestAsync(bookingId, CheckIn.GuestRulesTests.SpanishAdult());
        return await Bookings.RegisterGuestAsync(bookingId, CheckIn.GuestRulesTests.ForeignAdult() with { DocumentNumber = passport });
    }

    /// <summary>Waits until the booking's SES tracking satisfies <paramref name="done"/>.</summary>
    public Task<BookingDto> WaitForAsync(Guid bookingId, Func<SesTracking, bool> done, string what, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => GetAsync(bookingId), booking => done(booking.Ses), timeout ?? TimeSpan.FromSeconds(20), what, Describe);

    /// <summary>The create communications the fake received for the booking, by type (<c>RH</c> or <c>PV</c>).</summary>
    public IReadOnlyList<SesFakeCommunication> Received(Guid bookingId, string type) =>
        [.. _fake.Lots
            .Where(lot => lot.TipoOperacion == "A" && lot.TipoComunicacion == type)
            .SelectMany(lot => lot.Communications)
            .Where(communication => communication.Referencia == bookingId.ToString("N"))];

    /// <summary>The activity entries of <paramref name="kind"/> for the booking.</summary>
    public async Task<IReadOnlyList<ActivityEntry>> ActivityAsync(Guid bookingId, ActivityKind kind)
    {
        var activity = await Property.GetActivityAsync(OwnerId, 100);
        return [.. activity!.Latest.Where(entry => entry.BookingId == bookingId && entry.Kind == kind)];
    }

    /// <summary>
    /// The activity entries of <paramref name="kind"/> for the booking once there are at least <paramref name="count"/>:
    /// reporting hands its entries to the feed after its run, a moment after the booking shows the change.
    /// </summary>
    public Task<IReadOnlyList<ActivityEntry>> ActivityFollowedAsync(Guid bookingId, ActivityKind kind, int count = 1) =>
        Poll.UntilAsync(() => ActivityAsync(bookingId, kind), entries => entries.Count >= count, TimeSpan.FromSeconds(20), $"{count} {kind} entries", entries => $"{entries.Count} entries");

    public static string Describe(BookingDto booking) => Describe(booking.Ses);

    public static string Describe(SesTracking tracking) =>
        $"{tracking.Status} [{string.Join("; ", tracking.Communications.Select(c => $"{c.Kind} {c.Status} attempts {c.Attempts} lot {c.BatchId} code {c.CommunicationCode} error {c.ErrorCode} {c.Error}"))}]";

    /// <summary>The booking's only live communication of <paramref name="kind"/> when it has reached <paramref name="status"/>.</summary>
    public static bool Has(SesTracking tracking, SesCommunicationKind kind, SesStatus status) =>
        tracking.Communications.Any(communication => communication.Kind == kind && communication.Status == status);
}
