namespace Kasify.Grains.Interfaces.Readiness;

/// <summary>Where one readiness check stands (wire: <c>ok</c>, <c>warning</c>, <c>failed</c>, <c>pending</c>).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Readiness.ReadinessCheckStatus")]
public enum ReadinessCheckStatus
{
    /// <summary>Not evaluated yet, or not due yet (the cleaning check before the last offset).</summary>
    Pending = 0,

    /// <summary>Ready.</summary>
    Ok = 1,

    /// <summary>Ready, but worth a look (low battery at the first check, a code still being placed, check-in not done yet).</summary>
    Warning = 2,

    /// <summary>Not ready: the guest may not get in; <see cref="ReadinessCheckDto.Action"/> says what is being done.</summary>
    Failed = 3,
}
