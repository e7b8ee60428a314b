namespace Actors.Host.Demos;

/// <summary>Every demo of the host, in the order of shared/SCENARIOS.md.</summary>
internal static class DemoCatalog
{
    /// <summary>The demos, each registered once here.</summary>
    public static IReadOnlyList<IDemo> All { get; } =
    [
        new MutexDemo(),
    ];

    /// <summary>The demo called <paramref name="name"/>, or null.</summary>
    public static IDemo? Find(string name) => All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
