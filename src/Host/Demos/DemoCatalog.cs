namespace Actors.Host.Demos;

/// <summary>Every demo of the host, in the order of shared/SCENARIOS.md.</summary>
internal static class DemoCatalog
{
    /// <summary>Every <see cref="IDemo"/> of this assembly, by scenario number: a new demo needs no registration.</summary>
    public static IReadOnlyList<IDemo> All { get; } = typeof(IDemo).Assembly.GetTypes()
        .Where(type => typeof(IDemo).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
        .Select(type => (IDemo)Activator.CreateInstance(type)!)
        .OrderBy(demo => demo.Number)
        .ToList();

    /// <summary>The demo called <paramref name="name"/>, or null.</summary>
    public static IDemo? Find(string name) => All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
