using Force12.Queues.Tools;

return await Force12Cli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
