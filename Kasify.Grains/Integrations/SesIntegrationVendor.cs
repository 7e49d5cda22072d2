using System.Collections.Immutable;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Integrations;

/// <summary>
/// SES.HOSPEDAJES: an arrendador code, a web-service user and password, an environment and an application name. It has
/// no devices. Credentials are checked with a <c>catalogo</c> call (the table list), which needs the user and password
/// only; a Ministry that also judges the arrendador code answers with its own code, mapped to that field.
/// </summary>
internal sealed class SesIntegrationVendor(ISesClient ses) : IIntegrationVendor
{
    public const string ArrendadorField = "arrendador_code";
    public const string ApplicationField = "application_name";

    public IntegrationType Type => IntegrationType.SesHospedajes;

    public string TokenField => "password";

    public void Validate(IntegrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(settings.Name) || settings.Name.Length > IntegrationRules.MaxNameLength)
        {
            errors["name"] = [$"The name is required and at most {IntegrationRules.MaxNameLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(settings.Token) || settings.Token.Length > IntegrationRules.MaxTokenLength)
        {
            errors[TokenField] = ["The web-service password is required."];
        }

        if (settings.Url is not null || settings.CertificateSha256 is not null)
        {
            errors["url"] = ["An SES.HOSPEDAJES integration has no URL or certificate."];
        }

        if (settings.Ses is not { } ses)
        {
            errors[ArrendadorField] = ["The arrendador code, user and environment are required."];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(ses.Username))
            {
                errors["username"] = ["The web-service user is required."];
            }

            if (!Enum.IsDefined(ses.Environment))
            {
                errors["environment"] = ["The environment is test or production."];
            }

            try
            {
                SesValidator.ValidateHeader(ses.ArrendadorCode, ses.ApplicationName);
            }
            catch (SesValidationException exception)
            {
                foreach (var violation in exception.Violations)
                {
                    errors[violation.Path == "aplicacion" ? ApplicationField : ArrendadorField] = [violation.Message];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The SES.HOSPEDAJES settings are invalid.", errors.ToImmutableDictionary());
        }
    }

    public async Task<CredentialCheck> VerifyAsync(IntegrationCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            await ses.GetCatalogAsync(Account(credentials), "", cancellationToken);
            return CredentialCheck.Valid;
        }
        catch (SesException exception)
        {
            return Check(exception);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CredentialCheck.Unreachable;
        }
    }

    public Task<IReadOnlyList<IntegrationDevice>> ListDevicesAsync(IntegrationCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IntegrationDevice>>([]);

    /// <summary>How a failed check reads: which answers mean the account is wrong rather than the Ministry down.</summary>
    internal static CredentialCheck Check(SesException exception) => exception.Code switch
    {
        SesErrorCode.InvalidCredentials or SesErrorCode.WrongUser or SesErrorCode.MissingUser => CredentialCheck.InvalidCredentials,
        SesErrorCode.UnknownArrendador or SesErrorCode.MissingArrendadorCode or SesErrorCode.WebServiceDisabled => CredentialCheck.InvalidArrendador,
        _ => CredentialCheck.Unreachable,
    };

    /// <summary>The client's account for stored credentials.</summary>
    public static SesAccount Account(IntegrationCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var ses = credentials.Ses ?? throw new InvalidOperationException("An SES.HOSPEDAJES integration has SES settings.");
        return new SesAccount(ses.Username, credentials.Token, ses.ArrendadorCode, ses.Environment, ses.ApplicationName);
    }
}
