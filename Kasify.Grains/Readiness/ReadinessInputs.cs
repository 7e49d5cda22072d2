using System.Collections.Immutable;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Grains.Readiness;

/// <summary>
/// What one check pass read for one arrival: the property's locks, the status of the cleaning task before the arrival
/// (null when there is none), whether check-in is complete, and the booking's SES status.
/// </summary>
internal sealed record ReadinessInputs(ImmutableArray<ReadinessLock> Locks, CrewTaskStatus? Cleaning, bool CheckinComplete, SesStatus Ses);
