namespace Kasify.Grains.Readiness;

/// <summary>What a stored readiness action delivers.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Readiness.ReadinessActionKind")]
internal enum ReadinessActionKind
{
    /// <summary>The maintenance task of an issue, through the property's tasks grain.</summary>
    CreateTask = 0,

    /// <summary>An email to one owner or manager, through a readiness mail grain.</summary>
    SendMail = 1,

    /// <summary>The guest's backup code on a healthy lock, through the lock grain.</summary>
    EnsureCode = 2,
}
