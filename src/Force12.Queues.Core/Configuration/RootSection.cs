using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Configuration;

/// <summary>Lets the root of a configuration be read like any section.</summary>
internal sealed class RootSection(IConfiguration root) : IConfigurationSection
{
    public string Key => "";

    public string Path => "";

    public string? Value { get => null; set => throw new NotSupportedException(); }

    public string? this[string key] { get => root[key]; set => root[key] = value; }

    public IEnumerable<IConfigurationSection> GetChildren() => root.GetChildren();

    public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => root.GetReloadToken();

    public IConfigurationSection GetSection(string key) => root.GetSection(key);
}
