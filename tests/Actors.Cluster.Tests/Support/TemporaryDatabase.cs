using Actors.Cluster.Testing.Workloads;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// A SQLite database file for one test class's journal: in the temporary folder, in WAL mode (the nodes of a test
/// cluster share it, as processes on one machine would), deleted with its side files at the end.
/// </summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly TemporaryJournal _journal = new("actors-cluster-tests");

    /// <summary>The database file.</summary>
    public string File => _journal.File;

    /// <summary>The journal and snapshot store configured on this file.</summary>
    public Config Config => _journal.Config;

    /// <summary>Deletes the file and its side files once no pooled connection holds them.</summary>
    public void Dispose() => _journal.Dispose();
}
