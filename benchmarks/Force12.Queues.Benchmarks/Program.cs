using BenchmarkDotNet.Running;
using Force12.Queues.Benchmarks.Chaos;
using Force12.Queues.Benchmarks.Reaction;

// `reaction` runs the demand-step reaction benchmark (a real agent run, not a BenchmarkDotNet job):
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- reaction [--steps 10] [--keda-steps 4] [--group-protocol consumer|classic]
// `chaos` runs the chaos test at benchmark size (real agent, Docker pods, RabbitMQ; needs dockerd and RabbitMQ):
//   dotnet Force12.Queues.Benchmarks.dll chaos [--events 1000000] [--minutes 60] [--no-build]
// Anything else runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*Policy*'
if (args is ["reaction", ..])
{
    return await ReactionBenchmark.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["chaos", ..])
{
    return await ChaosBenchmark.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(ReactionBenchmark).Assembly).Run(args);
return 0;
