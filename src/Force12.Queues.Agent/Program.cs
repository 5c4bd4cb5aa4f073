using Force12.Queues.Agent;

return await AgentCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
