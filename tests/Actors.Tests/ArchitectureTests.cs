using System.Text.RegularExpressions;

namespace Actors.Tests;

/// <summary>
/// The dependency rules of ARCHITECTURE.md, checked on the sources: each folder of src/Actors may use only the
/// namespaces its row allows, so the lower layers never come to depend on a primitive.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] Infrastructure = ["Protocol", "Internal", "Diagnostics", "Coordination"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Protocol"] = [],
        ["Internal"] = ["Protocol"],
        ["Diagnostics"] = ["Protocol", "Internal"],
        ["Coordination"] = ["Protocol", "Internal", "Diagnostics"],
    };

    /// <summary>The primitives' namespaces; each may use the infrastructure and the root, and only the few peers listed.</summary>
    private static readonly Dictionary<string, string[]> PrimitivePeers = new()
    {
        ["Lock"] = ["Locks"],
        ["RLock"] = ["Locks"],
        ["Condition"] = ["Lock", "RLock", "Locks"],
        ["Locks"] = ["Lock", "RLock", "Condition"],
        ["Semaphore"] = [],
        ["Event"] = [],
        ["Barrier"] = [],
        ["Queue"] = [],
        ["Threads"] = ["Owners"],
        ["Timer"] = ["Threads"],
        ["Executor"] = [],
        ["Owners"] = [],
    };

    [Fact]
    public void Infrastructure_UsesOnlyTheLayersBelowIt()
    {
        var violations = new List<string>();
        foreach (var folder in Infrastructure)
            violations.AddRange(Violations(folder, Allowed[folder]));
        Assert.Empty(violations);
    }

    [Fact]
    public void Primitives_UseTheInfrastructureAndOnlyTheirListedPeers()
    {
        var violations = new List<string>();
        foreach (var (name, peers) in PrimitivePeers)
            violations.AddRange(Violations(FolderOf(name), [.. Infrastructure, .. peers]));
        Assert.Empty(violations);
    }

    [Fact]
    public void EveryNamespaceOfTheLibrary_HasARuleHere()
    {
        var known = Infrastructure.Concat(PrimitivePeers.Keys).Append("Hosting").ToHashSet();
        var unknown = SourceFiles("").Select(file => NamespaceOf(File.ReadAllText(file)))
            .Where(ns => ns is not null && ns.Length > 0 && !known.Contains(ns))
            .Distinct()
            .ToList();
        Assert.Empty(unknown);
    }

    private static IEnumerable<string> Violations(string folder, string[] allowed)
    {
        foreach (var file in SourceFiles(folder))
        {
            var text = File.ReadAllText(file);
            var own = NamespaceOf(text);
            var code = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal)));
            foreach (Match match in UsedNamespace().Matches(code))
            {
                var used = match.Groups[1].Value;
                if (used == own || allowed.Contains(used) || !IsLibraryNamespace(used)) continue;
                yield return $"{Path.GetRelativePath(LibraryRoot, file)} uses Actors.{used}";
            }
        }
    }

    private static bool IsLibraryNamespace(string name) =>
        Infrastructure.Contains(name) || PrimitivePeers.ContainsKey(name) || name == "Hosting";

    private static string FolderOf(string name) => name switch
    {
        "Lock" or "RLock" or "Condition" => Path.Combine("Locks", name),
        _ => name,
    };

    private static IEnumerable<string> SourceFiles(string folder)
    {
        var root = Path.Combine(LibraryRoot, folder);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            // Locks/ holds the Lock, RLock and Condition folders, which have rows of their own.
            .Where(file => folder != "Locks" || Path.GetDirectoryName(file) == root);
    }

    /// <summary>The file's namespace below <c>Actors</c> ("" for the root namespace), or null if it declares none.</summary>
    private static string? NamespaceOf(string text) => FileNamespace().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    private static string LibraryRoot { get; } = FindLibraryRoot();

    private static string FindLibraryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Actors");
            if (File.Exists(Path.Combine(directory.FullName, "Actors.sln")) && Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("Could not find src/Actors above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bActors\.([A-Z][A-Za-z]*)\b")]
    private static partial Regex UsedNamespace();

    [GeneratedRegex(@"^namespace Actors(?:\.([A-Za-z.]+))?;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();
}
