namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>A vendor an account connects. Wire values are snake_case (<c>nuki</c>, <c>unifi</c>, <c>ses_hospedajes</c>).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Integrations.IntegrationType")]
public enum IntegrationType
{
    /// <summary>The Nuki Web API (smart locks with keypads).</summary>
    Nuki = 0,

    /// <summary>A UniFi Access console's developer API (doors).</summary>
    Unifi = 1,

    /// <summary>The Ministry of the Interior's SES.HOSPEDAJES web service.</summary>
    SesHospedajes = 2,
}
