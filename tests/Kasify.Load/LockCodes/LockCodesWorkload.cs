using System.Diagnostics;

namespace Kasify.Load.LockCodes;

/// <summary>
/// One random lock-codes operation at a time, on a random booking: create its codes, revoke one of its live codes, move
/// its dates inside its slot, or read its codes, in the proportions of <c>--mix</c>. Several workers share the bookings,
/// so operations on one booking race, as they do when a host and a channel sync act at once.
/// </summary>
internal sealed class LockCodesWorkload(KasifyApi api, IReadOnlyList<BookingSlot> bookings, IReadOnlyDictionary<LockCodeOperation, int> mix)
{
    private readonly int _totalWeight = mix.Values.Sum();

    public static IEnumerable<string> Kinds => Enum.GetValues<LockCodeOperation>().Select(Kind);

    public static string Kind(LockCodeOperation operation) => operation.ToString().ToLowerInvariant();

    public async Task<OperationSample> RunOneAsync(Random random)
    {
        var operation = Pick(random);
        var booking = bookings[random.Next(bookings.Count)];
        Guid? codeId = null;
        if (operation == LockCodeOperation.Revoke)
        {
            // Revoke a code some answer listed as live; a few tries find a booking with one, else create codes instead.
            for (var attempt = 0; attempt < 8 && (codeId = booking.RandomLiveCode(random)) is null; attempt++)
            {
                booking = bookings[random.Next(bookings.Count)];
            }

            operation = codeId is null ? LockCodeOperation.Create : operation;
        }

        var started = Stopwatch.GetTimestamp();
        var response = operation switch
        {
            LockCodeOperation.Create => await api.CreateAccessCodesAsync(booking.Id),
            LockCodeOperation.Revoke => await api.RevokeAccessCodeAsync(booking.Id, codeId!.Value),
            LockCodeOperation.Move => await MoveAsync(booking, random),
            _ => await api.GetAccessCodesAsync(booking.Id),
        };
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        if (operation is LockCodeOperation.Create or LockCodeOperation.Read && response.Status == 200)
        {
            booking.Observe(response.Body);
        }
        else if (operation == LockCodeOperation.Revoke && response.Status is 204 or 404)
        {
            booking.Forget(codeId!.Value);
        }

        return new OperationSample(Kind(operation), response.Status, elapsed);
    }

    private Task<ApiResponse> MoveAsync(BookingSlot booking, Random random)
    {
        var (from, to) = booking.RandomDates(random);
        return api.MoveBookingAsync(booking.Id, from, to);
    }

    private LockCodeOperation Pick(Random random)
    {
        var ticket = random.Next(_totalWeight);
        foreach (var (operation, weight) in mix)
        {
            if (ticket < weight)
            {
                return operation;
            }

            ticket -= weight;
        }

        return LockCodeOperation.Read;
    }
}
