using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Force12.Queues.Aws;

/// <summary>
/// Signs a JSON POST to "/" with Signature Version 4. The canonical request is built here (it is
/// tiny for a JSON protocol: no query, four or five headers); the key derivation and HMAC come from
/// AWSSDK.Core's <see cref="AWS4Signer"/>.
/// </summary>
public static class SigV4Signer
{
    /// <summary>Headers to send, including <c>Authorization</c>, for the given body and time.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Sign(
        Uri endpoint, string target, string contentType, byte[] body, ImmutableCredentials credentials,
        string region, string service, DateTime signedAtUtc)
    {
        var amzDate = signedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var bodyHash = Convert.ToHexStringLower(AWS4Signer.ComputeHash(body));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}",
            ["x-amz-content-sha256"] = bodyHash, // as AWSSDK.Core sends it
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = target,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder()
            .Append("POST\n")
            .Append(endpoint.AbsolutePath.Length == 0 ? "/" : endpoint.AbsolutePath).Append('\n')
            .Append('\n') // no query string
            .Append(string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(bodyHash)
            .ToString();
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAtUtc, service, signedHeaders, canonical);

        var signed = headers.Where(h => h.Key != "host" && h.Key != "content-type").ToList();
        signed.Add(new("Authorization", result.ForAuthorizationHeader));
        return signed;
    }
}
