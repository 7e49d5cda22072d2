using Kasify.Grains.Integrations;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Tests.Integrations;

/// <summary>The SES.HOSPEDAJES vendor: shape checks, and how the Ministry's answers to a <c>catalogo</c> call read.</summary>
public sealed class SesIntegrationVendorTests
{
    private static readonly SesIntegrationSettings Ses = new("0000123456", "B12345678WS", SesEnvironment.Production, "Casa Azul");

    private static IntegrationSettings Settings(SesIntegrationSettings? ses) => new("SES", "S3cret-password", Ses: ses);

    [Theory]
    [InlineData("01234567890", "Kasify", "arrendador_code")]
    [InlineData("", "Kasify", "arrendador_code")]
    [InlineData("0000123456", "012345678901234567890123456789012345678901234567890", "application_name")]
    public void BrokenHeaderFieldsAreFieldErrors(string arrendadorCode, string application, string field)
    {
        var vendor = new SesIntegrationVendor(new StubClient(null));

        var exception = Assert.Throws<RequestValidationException>(() => vendor.Validate(Settings(Ses with { ArrendadorCode = arrendadorCode, ApplicationName = application })));

        Assert.Equal([field], exception.Errors.Keys);
    }

    [Fact]
    public void SettingsWithoutSesDataOrWithAUrlAreRefused()
    {
        var vendor = new SesIntegrationVendor(new StubClient(null));

        Assert.Contains("arrendador_code", Assert.Throws<RequestValidationException>(() => vendor.Validate(Settings(null))).Errors.Keys);
        Assert.Contains(
            "url",
            Assert.Throws<RequestValidationException>(() => vendor.Validate(Settings(Ses) with { Url = new Uri("https://example.org") })).Errors.Keys);
        vendor.Validate(Settings(Ses));
    }

    [Fact]
    public async Task TheCheckListsTheTablesWithTheIntegrationsAccount()
    {
        var client = new StubClient(null);
        var vendor = new SesIntegrationVendor(client);

        var check = await vendor.VerifyAsync(new IntegrationCredentials(IntegrationType.SesHospedajes, "S3cret-password", null, null, 1, Ses), default);

        Assert.Equal(CredentialCheck.Valid, check);
        Assert.Equal("", client.Table);
        Assert.Equal(new SesAccount("B12345678WS", "S3cret-password", "0000123456", SesEnvironment.Production, "Casa Azul"), client.Account);
    }

    [Theory]
    [InlineData(SesErrorCode.InvalidCredentials, nameof(CredentialCheck.InvalidCredentials))]
    [InlineData(SesErrorCode.WrongUser, nameof(CredentialCheck.InvalidCredentials))]
    [InlineData(SesErrorCode.MissingUser, nameof(CredentialCheck.InvalidCredentials))]
    [InlineData(SesErrorCode.UnknownArrendador, nameof(CredentialCheck.InvalidArrendador))]
    [InlineData(SesErrorCode.WebServiceDisabled, nameof(CredentialCheck.InvalidArrendador))]
    [InlineData(SesErrorCode.Unavailable, nameof(CredentialCheck.Unreachable))]
    [InlineData(SesErrorCode.Unhandled, nameof(CredentialCheck.Unreachable))]
    [InlineData(SesErrorCode.MalformedResponse, nameof(CredentialCheck.Unreachable))]
    public async Task MinistryAnswersReadAsChecks(SesErrorCode code, string expected)
    {
        var vendor = new SesIntegrationVendor(new StubClient(new SesException(code, "refused")));

        var check = await vendor.VerifyAsync(new IntegrationCredentials(IntegrationType.SesHospedajes, "p", null, null, 1, Ses), default);

        // CredentialCheck is internal, so the theory names it.
        Assert.Equal(expected, check.ToString());
    }

    [Fact]
    public async Task SesHasNoDevices()
    {
        var vendor = new SesIntegrationVendor(new StubClient(null));

        Assert.Empty(await vendor.ListDevicesAsync(new IntegrationCredentials(IntegrationType.SesHospedajes, "p", null, null, 1, Ses), default));
    }

    private sealed class StubClient(SesException? failure) : ISesClient
    {
        public SesAccount? Account { get; private set; }

        public string? Table { get; private set; }

        public Task<IReadOnlyList<SesCatalogEntry>> GetCatalogAsync(SesAccount account, string table, CancellationToken cancellationToken = default)
        {
            Account = account;
            Table = table;
            return failure is null ? Task.FromResult<IReadOnlyList<SesCatalogEntry>>([]) : Task.FromException<IReadOnlyList<SesCatalogEntry>>(failure);
        }

        public Task<SesSubmission> SendGuestRegisterAsync(SesAccount account, SesGuestRegister register, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<SesSubmission> SendBookingReportAsync(SesAccount account, SesBookingReport report, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<SesSubmission> CancelCommunicationsAsync(SesAccount account, IReadOnlyList<string> communicationCodes, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<SesLot>> QueryLotsAsync(SesAccount account, IReadOnlyList<string> lots, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task CancelLotAsync(SesAccount account, string lot, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
