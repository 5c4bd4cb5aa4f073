using Force12.Queues.Cli;

MallocArenas.Limit();
return await Force12Cli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
