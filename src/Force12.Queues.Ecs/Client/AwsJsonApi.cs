namespace Force12.Queues.Ecs.Client;

/// <summary>One AWS JSON 1.1 API: where it answers, the name it is signed for, and the prefix of its <c>X-Amz-Target</c>.</summary>
/// <param name="Endpoint">The API's URL.</param>
/// <param name="SigningName">The SigV4 service name (<c>ecs</c>, <c>application-autoscaling</c>).</param>
/// <param name="TargetPrefix">The target prefix, for example <c>AmazonEC2ContainerServiceV20141113</c>.</param>
internal sealed record AwsJsonApi(Uri Endpoint, string SigningName, string TargetPrefix)
{
    /// <summary>Amazon ECS, API version 2014-11-13.</summary>
    public static AwsJsonApi Ecs(Uri endpoint) => new(endpoint, "ecs", "AmazonEC2ContainerServiceV20141113");

    /// <summary>Application Auto Scaling, whose JSON target prefix is <c>AnyScaleFrontendService</c>.</summary>
    public static AwsJsonApi AutoScaling(Uri endpoint) => new(endpoint, "application-autoscaling", "AnyScaleFrontendService");
}
