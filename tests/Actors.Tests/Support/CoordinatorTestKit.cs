using Akka.Configuration;
using Xunit.Abstractions;

namespace Actors.Tests.Support;

/// <summary>The TestKit every test class derives from: quiet logs and room for a slow, shared 2-core machine.</summary>
public abstract class CoordinatorTestKit : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Config TestConfig = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        akka.test.timefactor = 3.0
        akka.test.single-expect-default = 3s
        """);

    protected CoordinatorTestKit(ITestOutputHelper? output = null) : base(TestConfig, output: output)
    {
    }

    /// <summary>The test kit with <paramref name="hocon"/> on top of the common settings.</summary>
    protected CoordinatorTestKit(string hocon, ITestOutputHelper? output = null)
        : base(ConfigurationFactory.ParseString(hocon).WithFallback(TestConfig), output: output)
    {
    }

    /// <summary>A generous upper bound for awaiting facade calls that must complete (<see cref="TestTimes.Patience"/>).</summary>
    protected static readonly TimeSpan Patience = TestTimes.Patience;
}
