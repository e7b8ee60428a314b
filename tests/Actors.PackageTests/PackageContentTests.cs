using System.IO.Compression;
using System.Xml.Linq;

namespace Actors.PackageTests;

/// <summary>The packed files carry what a published package needs: metadata, README, docs, symbols.</summary>
public sealed class PackageContentTests
{
    [Fact]
    public void Package_DeclaresLicenceReadmeTagsAndRepository()
    {
        using var package = ZipFile.OpenRead(PackageUnderTest.File("nupkg"));
        var nuspec = XDocument.Load(package.GetEntry($"{PackageUnderTest.Id}.nuspec")!.Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

        Assert.Equal(PackageUnderTest.Id, Value("id"));
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

    [Fact]
    public void Package_CarriesTheAssemblyWithItsXmlDocs_AndSymbolsArePackedApart()
    {
        using var package = ZipFile.OpenRead(PackageUnderTest.File("nupkg"));
        var lib = package.Entries.Where(e => e.FullName.StartsWith("lib/net10.0/", StringComparison.Ordinal)).Select(e => e.Name).ToList();
        Assert.Contains("Actors.dll", lib);
        Assert.Contains("Actors.xml", lib);
        Assert.DoesNotContain("Actors.pdb", lib);

        using var symbols = ZipFile.OpenRead(PackageUnderTest.File("snupkg"));
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net10.0/Actors.pdb");
    }
}
