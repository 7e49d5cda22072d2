// The load-and-chaos run (issue 13): dotnet run -c Release --project tests/Kasify.Chaos -- --minutes 5
// Exit code 0 only when every correctness count is zero; 1 when one is not; 2 for invalid options.
using Kasify.Chaos;
using Kasify.Chaos.Options;

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

var verdict = await ChaosRunner.RunAsync(options, Console.Out);
return verdict.Passed ? 0 : 1;
