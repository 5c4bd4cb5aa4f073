using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*Policy*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
