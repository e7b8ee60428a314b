using System.IO.Compression;
using System.Xml.Linq;

namespace Actors.PackageTests;

/// <summary>The packed files carry what a published package needs: metadata, README, docs, symbols.</summary>
public sealed class PackageContentTests
{
    [Theory]
    [InlineData(PackageUnderTest.Id)]
    [InlineData(PackageUnderTest.ClusterId)]
    public void Package_DeclaresLicenceReadmeTagsAndRepository(string id)
    {
        using var package = ZipFile.OpenRead(PackageUnderTest.File("nupkg", id));
        var metadata = Metadata(package, id);
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

        Assert.Equal(id, Value("id"));
        Assert.Equal(PackageUnderTest.Version, Value("version"));
        Assert.Equal("Apache-2.0", Value("license"));
        Assert.Equal("expression", Element("license")?.Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("akka", Value("tags")!.Split(' '));
        Assert.Equal("git", Element("repository")?.Attribute("type")?.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.NotNull(package.GetEntry("README.md"));
    }

    [Theory]
    [InlineData(PackageUnderTest.Id, "Actors")]
    [InlineData(PackageUnderTest.ClusterId, "Actors.Cluster")]
    public void Package_CarriesTheAssemblyWithItsXmlDocs_AndSymbolsArePackedApart(string id, string assembly)
    {
        using var package = ZipFile.OpenRead(PackageUnderTest.File("nupkg", id));
        var lib = package.Entries.Where(e => e.FullName.StartsWith("lib/net10.0/", StringComparison.Ordinal)).Select(e => e.Name).ToList();
        Assert.Equal([$"{assembly}.dll", $"{assembly}.xml"], lib.Order());

        using var symbols = ZipFile.OpenRead(PackageUnderTest.File("snupkg", id));
        Assert.Contains(symbols.Entries, e => e.FullName == $"lib/net10.0/{assembly}.pdb");
    }

    [Fact]
    public void ClusterPackage_DependsOnTheCorePackageOfItsOwnVersion_NotOnAProject()
    {
        using var package = ZipFile.OpenRead(PackageUnderTest.File("nupkg", PackageUnderTest.ClusterId));
        var dependencies = Metadata(package, PackageUnderTest.ClusterId).Descendants().Where(e => e.Name.LocalName == "dependency").ToList();

        var core = Assert.Single(dependencies, d => d.Attribute("id")?.Value == PackageUnderTest.Id);
        Assert.Equal(PackageUnderTest.Version, core.Attribute("version")?.Value);
        Assert.Contains(dependencies, d => d.Attribute("id")?.Value == "Akka.Cluster.Sharding");
    }

    private static XElement Metadata(ZipArchive package, string id) =>
        XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
}
