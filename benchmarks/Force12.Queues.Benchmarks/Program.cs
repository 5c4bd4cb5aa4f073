using BenchmarkDotNet.Running;
using Force12.Queues.Benchmarks.Chaos;
using Force12.Queues.Benchmarks.Pods;
using Force12.Queues.Benchmarks.Reaction;

// `reaction` runs the demand-step reaction benchmark (a real agent run, not a BenchmarkDotNet job):
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- reaction [--steps 10] [--keda-steps 4] [--group-protocol consumer|classic]
// `pod-burst` breaks a 0 -> 20 Docker pod burst down into Engine API calls, per start parallelism:
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- pod-burst [--parallel 1,4,8,16] [--pods 20] [--rounds 3] [--from 0] [--standby 0,20]
// `chaos` runs the chaos test at benchmark size (real agent, Docker pods, RabbitMQ; needs dockerd and RabbitMQ):
//   dotnet Force12.Queues.Benchmarks.dll chaos [--events 1000000] [--minutes 80] [--partitions 48] [--no-build]
// Anything else runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*Policy*'
if (args is ["reaction", ..])
{
    return await ReactionBenchmark.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["pod-burst", ..])
{
    return await PodBurstProfile.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args is ["chaos", ..])
{
    return await ChaosBenchmark.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(ReactionBenchmark).Assembly).Run(args);
return 0;
