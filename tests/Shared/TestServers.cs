namespace Actors.TestSupport;

/// <summary>
/// Where the servers that some tests need are listening: <c>scripts/test-servers.sh</c> starts them (installing Debian's
/// packages when missing) and prints the variables read here; <c>./test.sh</c> runs it before the tests. A test that needs
/// a server that is not there fails with a message saying how to start it; it never skips silently.
/// </summary>
internal static class TestServers
{
    private const string HowToStart =
        "Start the test servers with: eval \"$(scripts/test-servers.sh)\" in the repository's root (./test.sh does it), " +
        "then run the tests from that shell.";

    /// <summary>The Npgsql connection string of the tests' PostgreSQL database (<c>ACTORS_TEST_POSTGRES</c>).</summary>
    public static string PostgresConnectionString => Require("ACTORS_TEST_POSTGRES", "PostgreSQL");

    /// <summary>The <c>host:port</c> of the tests' Redis server (<c>ACTORS_TEST_REDIS</c>).</summary>
    public static string RedisEndpoint => Require("ACTORS_TEST_REDIS", "Redis");

    /// <summary>The failure to raise when a server named by <paramref name="variable"/> cannot be reached.</summary>
    public static Exception Unreachable(string server, string variable, Exception cause) =>
        new InvalidOperationException($"This test needs a {server} server at {variable}={Environment.GetEnvironmentVariable(variable)}, " +
                                      $"which did not answer ({cause.Message}). {HowToStart}", cause);

    private static string Require(string variable, string server)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"This test needs a {server} server and {variable} is not set. {HowToStart}");
        return value;
    }
}
