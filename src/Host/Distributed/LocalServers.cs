using System.Diagnostics;
using System.Net.Sockets;
using Actors.Host.Compare;
using Npgsql;

namespace Actors.Host.Distributed;

/// <summary>
/// The Redis and PostgreSQL servers of <c>compare --distributed</c> when no <c>--redis</c> / <c>--postgres</c> names one:
/// servers of the host's own on 127.0.0.1, on ports of their own (<see cref="RedisPort"/>, <see cref="PostgresPort"/>;
/// not the packages' defaults, so a server the machine runs is left alone), with their data under the application's data
/// folder. A server that already answers there is used as it is; one that does not is started if Debian's package is
/// installed, and stopped again by <see cref="DisposeAsync"/>; when the package is missing, the run goes on without that
/// way and says how to install it.
/// </summary>
internal sealed class LocalServers : IAsyncDisposable
{
    /// <summary>The port of the host's own Redis.</summary>
    public const int RedisPort = 56380;

    /// <summary>The port of the host's own PostgreSQL.</summary>
    public const int PostgresPort = 55433;

    /// <summary>What to run when a server's package is missing.</summary>
    public const string HowToInstall = "apt-get install postgresql redis-server";

    private readonly List<Func<Task>> _stops = [];
    private readonly Action<string> _say;

    /// <summary>Servers whose data lives under <paramref name="dataDirectory"/>; <paramref name="say"/> reports what is started.</summary>
    public LocalServers(string dataDirectory, Action<string> say) => (DataDirectory, _say) = (dataDirectory, say);

    /// <summary>
    /// The default folder of the servers' data: <c>actors-host/servers</c> in the application data folder
    /// (<c>~/.local/share</c>), or in the temp folder when running as root, since PostgreSQL refuses to run as root and
    /// its own user cannot enter root's home.
    /// </summary>
    public static string DefaultDataDirectory => Path.Combine(
        Environment.UserName == "root" ? Path.GetTempPath() : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "actors-host", "servers");

    /// <summary>Where the servers' data lives.</summary>
    public string DataDirectory { get; }

    /// <summary>The <c>host:port</c> of the host's Redis, started if needed; or why there is none.</summary>
    public async Task<(string? Endpoint, string? Missing)> EnsureRedisAsync(CancellationToken cancellation)
    {
        var endpoint = $"127.0.0.1:{RedisPort}";
        if (await RedisAnswersAsync(RedisPort, cancellation)) return (endpoint, null);
        if (PythonRunner.FindOnPath("redis-server") is not { } server) return (null, $"redis-server is not installed ({HowToInstall})");
        var directory = Directory.CreateDirectory(Path.Combine(DataDirectory, "redis")).FullName;
        _say($"starting redis-server on port {RedisPort} (data in {directory})");
        await RunAsync(server, cancellation, "--bind", "127.0.0.1", "--port", $"{RedisPort}", "--daemonize", "yes", "--save", "", "--appendonly", "no",
            "--dir", directory, "--logfile", Path.Combine(directory, "redis.log"));
        for (var i = 0; i < 100 && !await RedisAnswersAsync(RedisPort, cancellation); i++) await Task.Delay(100, cancellation);
        if (!await RedisAnswersAsync(RedisPort, cancellation)) return (null, $"redis-server did not answer on port {RedisPort} (see {directory}/redis.log)");
        _stops.Add(() => StopRedisAsync(RedisPort));
        return (endpoint, null);
    }

    /// <summary>The connection string of the host's PostgreSQL, started (and its cluster made) if needed; or why there is none.</summary>
    public async Task<(string? ConnectionString, string? Missing)> EnsurePostgresAsync(CancellationToken cancellation)
    {
        var connectionString = $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database=postgres;Maximum Pool Size=100";
        if (await PostgresAnswersAsync(connectionString, cancellation)) return (connectionString, null);
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderBy(b => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : new Version()).LastOrDefault()
            : null;
        if (bin is null) return (null, $"PostgreSQL is not installed ({HowToInstall})");
        var data = Path.Combine(DataDirectory, "postgres");
        var asRoot = Environment.UserName == "root";
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            Directory.CreateDirectory(data);
            if (asRoot) await RunAsync("chown", cancellation, "postgres", data);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            _say($"making a PostgreSQL cluster in {data}");
            await RunAsync(Path.Combine(bin, "initdb"), cancellation, asRoot, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8");
        }
        _say($"starting PostgreSQL on port {PostgresPort} (data in {data})");
        await RunAsync(Path.Combine(bin, "pg_ctl"), cancellation, asRoot, "-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60",
            "-o", $"-p {PostgresPort} -c listen_addresses=127.0.0.1 -k {data} -c max_connections=200", "start");
        if (!await PostgresAnswersAsync(connectionString, cancellation))
            return (null, $"PostgreSQL did not answer on port {PostgresPort} (see {data}/server.log)");
        _stops.Add(() => RunAsync(Path.Combine(bin, "pg_ctl"), CancellationToken.None, asRoot, "-D", data, "-m", "fast", "-w", "stop"));
        return (connectionString, null);
    }

    /// <summary>Stops the servers this instance started.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var stop in _stops) await stop();
        _stops.Clear();
    }

    /// <summary>Whether a Redis server answers PING on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> RedisAnswersAsync(int port, CancellationToken cancellation)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellation);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellation);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellation);
            return read >= 5 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task<bool> PostgresAnswersAsync(string connectionString, CancellationToken cancellation)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Timeout=3;Pooling=false");
            await connection.OpenAsync(cancellation);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task StopRedisAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            await client.GetStream().WriteAsync("SHUTDOWN NOSAVE\r\n"u8.ToArray());
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            // Already gone.
        }
    }

    private static Task RunAsync(string program, CancellationToken cancellation, params string[] arguments) =>
        RunAsync(program, cancellation, asPostgres: false, arguments);

    /// <summary>Runs a program to its end; as the <c>postgres</c> user (through <c>runuser</c>) when <paramref name="asPostgres"/>.</summary>
    private static async Task RunAsync(string program, CancellationToken cancellation, bool asPostgres, params string[] arguments)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
    }
}
