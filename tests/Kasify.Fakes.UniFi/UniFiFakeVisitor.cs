namespace Kasify.Fakes.UniFi;

/// <summary>A visitor as the fake stores it; <see cref="Pin"/> holds the digits, which the API never returns.</summary>
public sealed record UniFiFakeVisitor(
    string Id,
    string FirstName,
    string LastName,
    string VisitReason,
    long StartTime,
    long EndTime,
    IReadOnlyList<string> DoorIds,
    string? Pin,
    bool Cancelled,
    long CreateTime);
