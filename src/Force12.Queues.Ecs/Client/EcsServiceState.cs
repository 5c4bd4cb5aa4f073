namespace Force12.Queues.Ecs.Client;

/// <summary>What DescribeServices says about one service.</summary>
/// <param name="Status"><c>ACTIVE</c>, <c>DRAINING</c> or <c>INACTIVE</c>.</param>
/// <param name="DesiredCount">The count ECS keeps running.</param>
/// <param name="RunningCount">Tasks in the RUNNING state.</param>
/// <param name="PendingCount">Tasks in the PENDING state.</param>
/// <param name="Deployments">Deployments of the service (more than one while a rollout is in progress).</param>
internal sealed record EcsServiceState(string Status, int DesiredCount, int RunningCount, int PendingCount, int Deployments);
