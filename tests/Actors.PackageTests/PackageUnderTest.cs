using System.Reflection;

namespace Actors.PackageTests;

/// <summary>Where ./test.sh packed the library and under which version, as this project was built to expect.</summary>
internal static class PackageUnderTest
{
    /// <summary>The core package's id on NuGet.</summary>
    public const string Id = "ActorThreading";

    /// <summary>The cluster package's id on NuGet.</summary>
    public const string ClusterId = "ActorThreading.Cluster";

    /// <summary>The never-published version the package was packed under.</summary>
    public static string Version { get; } = Metadata("LocalPackageVersion");

    /// <summary>The local folder the package was restored from.</summary>
    public static string Source { get; } = Metadata("LocalPackageSource");

    /// <summary>The path of the packed file of package <paramref name="id"/> with the given extension (<c>nupkg</c> or <c>snupkg</c>).</summary>
    public static string File(string extension, string id = Id) => Path.Combine(Source, $"{id}.{Version}.{extension}");

    private static string Metadata(string key) =>
        typeof(PackageUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
