using System.Collections.Immutable;
using System.Text;
using Kasify.Grains.Interfaces.Accounts;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Security;
using Kasify.Grains.SmartLocks;
using Kasify.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Integrations;

// Calls go to user and account grains only; property and lock grains call this one. That keeps call chains acyclic.
internal sealed partial class IntegrationGrain(
    [PersistentState("integration", StorageNames.Kasify)] IPersistentState<IntegrationState> state,
    IGrainFactory grains,
    IEnumerable<IIntegrationVendor> vendors,
    ISecretProtector protector,
    SmartLockOptions options,
    TimeProvider time,
    ILogger<IntegrationGrain> logger) : Grain, IIntegrationGrain
{
    private Guid IntegrationId => this.GetPrimaryKey();

    public async Task<IntegrationDto> CreateAsync(Guid callerId, IntegrationType type, IntegrationSettings settings)
    {
        if (state.RecordExists)
        {
            throw new ConflictException("integration.exists", "An integration with this id already exists.");
        }

        var vendor = Vendor(type);
        vendor.Validate(settings);
        var accountId = await AccountOfAsync(callerId);
        var account = grains.GetGrain<IAccountGrain>(accountId);
        IntegrationRules.EnsureFirstOfType(await account.GetIntegrationsAsync(), type); // before the vendor's URL is called
        var credentials = new IntegrationCredentials(type, settings.Token, settings.Url, NormalizeFingerprint(settings.CertificateSha256), 1, NormalizeSes(settings.Ses));
        await VerifyAsync(vendor, credentials);

        // The account's list first, as an index entry: until this row is written it points at nothing visible. If the
        // write fails it is taken back, since the client's retry creates an integration with a new id.
        await account.AddIntegrationAsync(new AccountIntegration(IntegrationId, type));
        var now = time.GetUtcNow();
        state.State.AccountId = accountId;
        state.State.Type = type;
        state.State.CreatedAt = now;
        Apply(settings, credentials, now);
        await RefreshDevicesAsync(vendor, credentials);
        try
        {
            await state.SaveAsync(this);
        }
        catch (KasifyException)
        {
            await account.RemoveIntegrationAsync(IntegrationId);
            throw;
        }

        return ToDto();
    }

    public async Task<IntegrationDto?> GetAsync(Guid callerId, IntegrationType? type) =>
        await IsVisibleAsync(callerId, type) ? ToDto() : null;

    public async Task<IntegrationDto> UpdateAsync(Guid callerId, IntegrationType type, IntegrationSettings settings)
    {
        await RequireVisibleAsync(callerId, type);
        var vendor = Vendor(type);
        vendor.Validate(settings);
        var credentials = new IntegrationCredentials(
            type, settings.Token, settings.Url, NormalizeFingerprint(settings.CertificateSha256), state.State.Version + 1, NormalizeSes(settings.Ses));
        await VerifyAsync(vendor, credentials);
        Apply(settings, credentials, time.GetUtcNow());
        await RefreshDevicesAsync(vendor, credentials);
        await state.SaveAsync(this);
        return ToDto();
    }

    public async Task DeleteAsync(Guid callerId, IntegrationType type)
    {
        await RequireVisibleAsync(callerId, type);
        if (state.State.Assignments.Count > 0)
        {
            throw new ConflictException(
                "integration.in_use",
                $"{state.State.Assignments.Count} of the integration's devices are assigned to properties; remove those smart locks first.");
        }

        await grains.GetGrain<IAccountGrain>(state.State.AccountId).RemoveIntegrationAsync(IntegrationId);
        await state.ClearAsync(this);
        DeactivateOnIdle();
    }

    public async Task<IntegrationDevices> ListDevicesAsync(Guid callerId, IntegrationType type)
    {
        await RequireVisibleAsync(callerId, type);
        var status = await RefreshDevicesAsync(Vendor(type), Credentials());
        if (status == IntegrationStatus.Online)
        {
            await state.SaveAsync(this);
        }

        var devices = state.State.KnownDevices.Select(device => device with
        {
            Offline = device.Offline || status != IntegrationStatus.Online,
            Assignment = state.State.Assignments.GetValueOrDefault(device.ExternalId),
        });
        return new IntegrationDevices(status, [.. devices], state.State.DevicesFetchedAt, state.State.DevicesTruncated);
    }

    public async Task<AssignedDevice> AssignDeviceAsync(Guid accountId, string externalId, Guid propertyId, Guid smartLockId)
    {
        if (!state.RecordExists || state.State.AccountId != accountId)
        {
            throw new NotFoundException("integration.not_found", "No such integration.");
        }

        if (state.State.Assignments.TryGetValue(externalId, out var existing))
        {
            return existing.SmartLockId == smartLockId
                ? new AssignedDevice(state.State.Type, externalId, DeviceName(externalId))
                : throw new ConflictException(
                    "smartlock.assigned",
                    "This device is already assigned to a property; remove it there first.",
                    ImmutableDictionary<string, string>.Empty.Add("assigned_property_id", existing.PropertyId.ToString()));
        }

        // The device must exist at the vendor now; an unreachable vendor cannot confirm it.
        var status = await RefreshDevicesAsync(Vendor(state.State.Type), Credentials());
        if (status != IntegrationStatus.Online)
        {
            throw status == IntegrationStatus.Unauthorized
                ? new DomainRuleException("integration.unauthorized", "The vendor refuses the integration's credentials; update the integration.")
                : new IntegrationUnavailableException("integration.unreachable", "The vendor could not be reached to confirm the device; try again.");
        }

        if (state.State.KnownDevices.All(device => device.ExternalId != externalId))
        {
            throw new NotFoundException("smartlock.device_not_found", "The integration reaches no device with this id.");
        }

        state.State.Assignments[externalId] = new DeviceAssignment(propertyId, smartLockId);
        await state.SaveAsync(this);
        return new AssignedDevice(state.State.Type, externalId, DeviceName(externalId));
    }

    public async Task ReleaseDeviceAsync(string externalId, Guid smartLockId)
    {
        if (state.RecordExists && state.State.Assignments.TryGetValue(externalId, out var existing) && existing.SmartLockId == smartLockId)
        {
            state.State.Assignments.Remove(externalId);
            await state.SaveAsync(this);
        }
    }

    public Task<IntegrationCredentials?> GetCredentialsAsync() =>
        Task.FromResult(state.RecordExists ? Credentials() : null);

    private IIntegrationVendor Vendor(IntegrationType type) =>
        vendors.FirstOrDefault(vendor => vendor.Type == type)
            ?? throw new NotFoundException("integration.unknown_type", "Kasify does not support this integration type here.");

    private async Task<Guid> AccountOfAsync(Guid callerId)
    {
        var user = await grains.GetGrain<IUserGrain>(callerId).GetAsync()
            ?? throw new NotFoundException("user.not_found", "The user is not registered.");
        return user.AccountId;
    }

    // Integrations belong to the account; the account's user (its owner) is the only one who sees them.
    private async Task<bool> IsVisibleAsync(Guid callerId, IntegrationType? type) =>
        state.RecordExists
        && (type is null || state.State.Type == type)
        && await grains.GetGrain<IUserGrain>(callerId).GetAsync() is { } user
        && user.AccountId == state.State.AccountId;

    private async Task RequireVisibleAsync(Guid callerId, IntegrationType type)
    {
        if (!await IsVisibleAsync(callerId, type))
        {
            throw new NotFoundException("integration.not_found", "No such integration.");
        }
    }

    private async Task VerifyAsync(IIntegrationVendor vendor, IntegrationCredentials credentials)
    {
        using var timeout = new CancellationTokenSource(options.VendorCheckTimeout);
        switch (await vendor.VerifyAsync(credentials, timeout.Token))
        {
            case CredentialCheck.Valid:
                return;
            case CredentialCheck.InvalidCredentials:
                throw new RequestValidationException("integration.invalid_credentials", vendor.TokenField, "The vendor refused these credentials.");
            case CredentialCheck.InvalidArrendador:
                throw new RequestValidationException(
                    "integration.invalid_credentials", SesIntegrationVendor.ArrendadorField, "The vendor does not accept this arrendador code for these credentials.");
            default:
                throw new IntegrationUnavailableException("integration.unreachable", "The vendor could not be reached to check the credentials; try again.");
        }
    }

    // Lists the devices into state (not saved here). Failures keep the last known list.
    private async Task<IntegrationStatus> RefreshDevicesAsync(IIntegrationVendor vendor, IntegrationCredentials credentials)
    {
        using var timeout = new CancellationTokenSource(options.VendorCheckTimeout);
        try
        {
            var devices = await vendor.ListDevicesAsync(credentials, timeout.Token);
            state.State.KnownDevices = [.. devices.Take(IntegrationRules.MaxDevices)];
            state.State.DevicesTruncated = devices.Count > IntegrationRules.MaxDevices;
            state.State.DevicesFetchedAt = time.GetUtcNow();
            return IntegrationStatus.Online;
        }
        catch (VendorCallException exception)
        {
            LogDevicesUnavailable(exception, IntegrationId);
            return exception.Unauthorized ? IntegrationStatus.Unauthorized : IntegrationStatus.Unreachable;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return IntegrationStatus.Unreachable;
        }
    }

    private void Apply(IntegrationSettings settings, IntegrationCredentials credentials, DateTimeOffset now)
    {
        state.State.Name = settings.Name.Trim();
        state.State.ProtectedToken = protector.Protect(Encoding.UTF8.GetBytes(credentials.Token), AssociatedData());
        state.State.TokenHint = IntegrationRules.Hint(credentials.Token);
        state.State.Url = credentials.Url;
        state.State.CertificateSha256 = credentials.CertificateSha256;
        state.State.Ses = credentials.Ses;
        state.State.Version = credentials.Version;
        state.State.UpdatedAt = now;
    }

    private IntegrationCredentials Credentials() => new(
        state.State.Type,
        Encoding.UTF8.GetString(protector.Unprotect(state.State.ProtectedToken, AssociatedData())),
        state.State.Url,
        state.State.CertificateSha256,
        state.State.Version,
        state.State.Ses);

    private byte[] AssociatedData() => Encoding.UTF8.GetBytes($"integration:{IntegrationId}");

    private string DeviceName(string externalId) =>
        state.State.KnownDevices.FirstOrDefault(device => device.ExternalId == externalId)?.Name ?? externalId;

    private static string? NormalizeFingerprint(string? fingerprint) =>
        fingerprint?.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();

    private static SesIntegrationSettings? NormalizeSes(SesIntegrationSettings? ses) =>
        ses is null ? null : ses with { ArrendadorCode = ses.ArrendadorCode.Trim(), Username = ses.Username.Trim(), ApplicationName = ses.ApplicationName.Trim() };

    private IntegrationDto ToDto() => new(
        IntegrationId,
        state.State.Type,
        state.State.Name,
        state.State.TokenHint,
        state.State.Url,
        state.State.CertificateSha256,
        state.State.Assignments.Count,
        state.State.CreatedAt,
        state.State.UpdatedAt,
        state.State.Ses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integration {IntegrationId} could not list its devices")]
    private partial void LogDevicesUnavailable(Exception exception, Guid integrationId);
}
