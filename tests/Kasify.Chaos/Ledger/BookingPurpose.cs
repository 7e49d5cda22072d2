namespace Kasify.Chaos.Ledger;

/// <summary>Why the workload created a booking, which decides the operations it may take afterwards.</summary>
internal enum BookingPurpose
{
    /// <summary>A stay a year ahead in a slot of its own: moved, cancelled, given and stripped of codes, its task started.</summary>
    Stay,

    /// <summary>A stay ending during the run, with codes: never written again, so its codes' removal at the window's end is exact.</summary>
    Expiring,

    /// <summary>A stay a few days ahead with a complete holder, reported to SES.HOSPEDAJES: its one guest checks in, nothing else.</summary>
    CheckIn,
}
