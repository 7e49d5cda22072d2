// The load-and-chaos run: dotnet run -c Release --project tests/Kasify.Chaos -- --minutes 5
// Exit code 0 only when every correctness count is zero; 1 when one is not; 2 for invalid options; 3 when the cluster or
// the data set could not be set up (nothing was measured).
using Kasify.Chaos;
using Kasify.Chaos.Options;
using Kasify.Chaos.Setup;

ChaosOptions options;
try
{
    options = ChaosOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

try
{
    var verdict = await ChaosRunner.RunAsync(options, Console.Out);
    return verdict.Passed ? 0 : 1;
}
catch (ChaosSetupException exception)
{
    // A refused set-up step (a vendor limit, an unsupported size) ends the run with its reason, not a crash dump.
    Console.Error.WriteLine($"chaos: not run: {exception.Message}");
    return 3;
}
