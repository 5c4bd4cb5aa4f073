using Force12.Queues.Cli;

return await Force12Cli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
