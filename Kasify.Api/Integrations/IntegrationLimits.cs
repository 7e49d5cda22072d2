namespace Kasify.Api.Integrations;

/// <summary>Field lengths of integration bodies.</summary>
internal static class IntegrationLimits
{
    public const int NameLength = 100;
    public const int TokenLength = 4096;
    public const int UrlLength = 2048;

    /// <summary>SES.HOSPEDAJES' <c>codigoArrendador</c>.</summary>
    public const int ArrendadorCodeLength = 10;

    /// <summary>SES.HOSPEDAJES' <c>aplicacion</c> header.</summary>
    public const int ApplicationNameLength = 50;

    /// <summary>An SES.HOSPEDAJES web-service user.</summary>
    public const int UsernameLength = 100;

    /// <summary>The port of the UniFi Access developer API on a console, used when the URL names none.</summary>
    public const int UnifiDefaultPort = 12445;
}
