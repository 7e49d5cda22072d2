using System.Net.Http.Headers;
using System.Text;

namespace Kasify.Fakes.Ses;

/// <summary>
/// The fake's in-memory Ministry: the lots received, their communications and verdicts, and the live switches.
/// A lot reports "in process" (4) on its first query and until <see cref="SesFakeOptions.ProcessingDelayMs"/> has
/// passed, then its final status, so clients always exercise their polling.
/// </summary>
public sealed class SesFakeState(SesFakeOptions options)
{
    private readonly Lock _gate = new();
    private readonly List<SesFakeLot> _lots = [];
    private int _requests;
    private int _failNext;
    private int _failStatus = 503;

    /// <summary>The credentials and live switches.</summary>
    public SesFakeOptions Options { get; } = options;

    /// <summary>Service requests received (admin requests excluded).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>A copy of the lots received, oldest first.</summary>
    public IReadOnlyList<SesFakeLot> Lots
    {
        get
        {
            lock (_gate)
            {
                return [.. _lots];
            }
        }
    }

    /// <summary>Every create communication received, oldest first (cancel lots excluded).</summary>
    public IReadOnlyList<SesFakeCommunication> Communications => [.. Lots.Where(l => l.TipoOperacion == "A").SelectMany(l => l.Communications)];

    /// <summary>Forgets every lot.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _lots.Clear();
        }
    }

    /// <summary>Answers the next <paramref name="count"/> service requests with <paramref name="status"/>, for deterministic retry tests.</summary>
    public void FailNext(int count, int status = 503)
    {
        lock (_gate)
        {
            _failNext = count;
            _failStatus = status;
        }
    }

    /// <summary>Applies the latency, fail-next and error-rate switches; returns the HTTP status to fail with, or null to go on.</summary>
    public async Task<int?> BeforeRequestAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (Options.LatencyMs > 0)
        {
            await Task.Delay(Options.LatencyMs, cancellationToken);
        }

        lock (_gate)
        {
            if (_failNext > 0)
            {
                _failNext--;
                return _failStatus;
            }
        }

        if (Options.ErrorRate > 0 && Random.Shared.NextDouble() < Options.ErrorRate)
        {
            int[] statuses = [500, 502, 503];
            return statuses[Random.Shared.Next(statuses.Length)];
        }

        return null;
    }

    /// <summary>Whether <paramref name="authorization"/> is HTTP Basic with the configured user and password.</summary>
    public bool Authenticate(string? authorization)
    {
        if (Options.RejectCredentials || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            return pair == Options.Username + ":" + Options.Password;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Stores a new lot and returns it.</summary>
    internal SesFakeLot AddLot(string arrendador, string aplicacion, string operation, string? type, IReadOnlyList<SesFakeCommunication> communications)
    {
        var lot = new SesFakeLot
        {
            Lote = Guid.NewGuid().ToString(),
            CodigoArrendador = arrendador,
            Aplicacion = aplicacion,
            TipoOperacion = operation,
            TipoComunicacion = type,
            ReceivedAt = DateTimeOffset.Now,
            Communications = communications,
        };
        lock (_gate)
        {
            _lots.Add(lot);
        }

        return lot;
    }

    /// <summary>The lot <paramref name="lote"/> of <paramref name="arrendador"/>, or null (lots of others are invisible).</summary>
    internal SesFakeLot? FindLot(string arrendador, string lote)
    {
        lock (_gate)
        {
            return _lots.FirstOrDefault(l => l.Lote == lote && l.CodigoArrendador == arrendador);
        }
    }

    /// <summary>The stored communication with <paramref name="codigo"/>, or null.</summary>
    internal SesFakeCommunication? FindCommunication(string arrendador, string codigo)
    {
        lock (_gate)
        {
            return _lots.Where(l => l.CodigoArrendador == arrendador && l.TipoOperacion == "A")
                .SelectMany(l => l.Communications)
                .FirstOrDefault(c => c.CodigoComunicacion == codigo);
        }
    }

    /// <summary>Reports the lot's <c>codigoEstado</c> now and counts the query.</summary>
    internal int Observe(SesFakeLot lot)
    {
        lock (_gate)
        {
            var processing = lot.Queries == 0 || DateTimeOffset.Now - lot.ReceivedAt < TimeSpan.FromMilliseconds(Options.ProcessingDelayMs);
            lot.Queries++;
            return processing ? 4 : lot.FinalStatus;
        }
    }

    /// <summary>Voids every stored communication of <paramref name="lot"/>.</summary>
    internal void Cancel(SesFakeLot lot)
    {
        lock (_gate)
        {
            foreach (var communication in lot.Communications.Where(c => c.CodigoComunicacion is not null))
            {
                communication.Anulada = true;
            }
        }
    }

    /// <summary>Voids one stored communication.</summary>
    internal void Cancel(SesFakeCommunication communication)
    {
        lock (_gate)
        {
            communication.Anulada = true;
        }
    }
}
