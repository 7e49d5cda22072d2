namespace Kasify.Grains.SesReporting;

/// <summary>What a communication lacks before it can be sent: data only the host or the guests can add.</summary>
/// <param name="Fields">Every missing field once: wire names of the booking, the property or the guests' check-in.</param>
/// <param name="GuestFields">For a guest register, the check-in fields each guest lacks, by guest id.</param>
internal sealed record SesMissingData(List<string> Fields, Dictionary<Guid, List<string>> GuestFields)
{
    /// <summary>Whether the communication can be sent.</summary>
    public bool IsEmpty => Fields.Count == 0;

    /// <summary>Whether <paramref name="record"/> already records exactly this.</summary>
    public bool IsRecordedOn(SesCommunicationRecord record) =>
        record.MissingFields.SequenceEqual(Fields)
        && record.MissingGuestFields.Count == GuestFields.Count
        && GuestFields.All(entry => record.MissingGuestFields.TryGetValue(entry.Key, out var fields) && fields.SequenceEqual(entry.Value));
}
