using BenchmarkDotNet.Running;
using Force12.Queues.Benchmarks.Reaction;

// `reaction` runs the demand-step reaction benchmark (a real agent run, not a BenchmarkDotNet job):
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- reaction [--steps 10] [--keda-steps 4] [--group-protocol consumer|classic]
// Anything else runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*Policy*'
if (args is ["reaction", ..])
{
    return await ReactionBenchmark.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(ReactionBenchmark).Assembly).Run(args);
return 0;
