namespace Kasify.Chaos.Verification;

/// <summary>What happened to the codes of stays that ended during the run; lateness in seconds, ascending.</summary>
internal sealed record ExpiryOutcome(int Codes, int StillOnDevice, int RemovedEarly, int NeverSeenOnDevice, IReadOnlyList<double> LatenessSeconds);
