using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>
/// The locks a Nuki integration reaches. <c>nuki_status</c> is <c>online</c> when Nuki answered; <c>unauthorized</c> or
/// <c>unreachable</c> when it did not, and the list is then the last one Nuki gave. <c>truncated</c>: the account has more
/// locks than an integration keeps (<see cref="IntegrationDevices.MaxCount"/>), and these are the first of them.
/// </summary>
internal sealed record NukiSmartlocksResponse(IntegrationStatus NukiStatus, IReadOnlyList<NukiSmartlockResponse> Smartlocks, bool Truncated);
