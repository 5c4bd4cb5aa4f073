namespace Force12.Queues.Chaos;

/// <summary>
/// One second of a chaos run as the agent's <c>/api/status</c> and the engine showed it: what the policy needed and
/// what the capacity pool gave each pipeline (priority 1 the processors, priority 2 bulb-state), and the pods up.
/// </summary>
/// <param name="Needed">Processor pods the policy needed (<c>neededPods</c>).</param>
/// <param name="Target">Processor pods the agent scaled to after sharing the pool (<c>targetPods</c>).</param>
/// <param name="StateNeeded">bulb-state pods the policy needed.</param>
/// <param name="StateTarget">bulb-state pods the agent scaled to.</param>
/// <param name="PodsUp">Containers of both pipelines running or ready at the same second (pods, not containers).</param>
internal readonly record struct PoolSample(int Needed, int Target, int StateNeeded, int StateTarget, int PodsUp);
