using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Force12.Queues.Aws;

namespace Force12.Queues.Kinesis.Client;

/// <summary>Applies AWSSDK.Core's region, endpoint and credential chains to options that leave them unset.</summary>
internal static class AwsSettingsResolver
{
    /// <summary>The region: explicit, else the SDK's fallback chain, else us-east-1 when an explicit endpoint is used.</summary>
    public static string Region(string? configured, Uri? serviceUrl)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var fallback = FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: serviceUrl is null)?.SystemName;
        return fallback ?? (serviceUrl is not null
            ? "us-east-1"
            : throw new KinesisException(KinesisErrorKind.Other,
                "No AWS region: set the region (or AWS_REGION) or an explicit endpoint URL"));
    }

    /// <summary>The endpoint: explicit, else the regional one (see <see cref="AwsEndpoints.Resolve"/>).</summary>
    public static Uri Endpoint(string service, string region, Uri? serviceUrl) => AwsEndpoints.Resolve(service, region, serviceUrl);

    /// <summary>The credential source: explicit, else the SDK's default chain (resolve once and keep it: it refreshes temporary credentials itself).</summary>
    public static AWSCredentials CredentialSource(AWSCredentials? configured)
    {
        try
        {
            return configured ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException e)
        {
            throw new KinesisException(KinesisErrorKind.Credentials, $"No AWS credentials could be resolved: {e.Message}", null, e);
        }
    }

    /// <summary>The current keys of a credential source.</summary>
    public static async Task<ImmutableCredentials> CredentialsAsync(AWSCredentials source)
    {
        try
        {
            return await source.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new KinesisException(KinesisErrorKind.Credentials, $"No AWS credentials could be resolved: {e.Message}", null, e);
        }
    }
}
