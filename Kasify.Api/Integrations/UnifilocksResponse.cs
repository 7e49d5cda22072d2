using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>
/// The doors a UniFi Access integration reaches. <c>unifi_status</c> is <c>online</c> when the console answered;
/// <c>unauthorized</c> or <c>unreachable</c> when it did not, and the list is then the last one it gave. <c>truncated</c>:
/// the console has more doors than an integration keeps (<see cref="IntegrationDevices.MaxCount"/>), and these are the first of them.
/// </summary>
internal sealed record UnifilocksResponse(IntegrationStatus UnifiStatus, IReadOnlyList<UnifiDoorResponse> Smartlocks, bool Truncated);
