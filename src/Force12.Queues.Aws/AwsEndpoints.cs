using Amazon;

namespace Force12.Queues.Aws;

/// <summary>Where an AWS JSON service answers: an explicit URL, else the regional one from AWSSDK.Core's partition data.</summary>
public static class AwsEndpoints
{
    /// <summary>
    /// <paramref name="serviceUrl"/> when set, else <c>https://{service}.{region}.{suffix}/</c> with the suffix of the
    /// region's partition (for example amazonaws.com.cn in China).
    /// </summary>
    public static Uri Resolve(string service, string region, Uri? serviceUrl)
    {
        if (serviceUrl is not null)
        {
            return serviceUrl;
        }

        var partition = RegionEndpoint.GetBySystemName(region);
        var suffix = string.IsNullOrEmpty(partition.PartitionDnsSuffix) ? "amazonaws.com" : partition.PartitionDnsSuffix;
        return new Uri($"https://{service}.{region}.{suffix}/");
    }
}
