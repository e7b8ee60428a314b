namespace Actors.Host.Demos;

/// <summary>One scenario of the tutorial, rebuilt on the actor primitives (see shared/SCENARIOS.md).</summary>
internal interface IDemo
{
    /// <summary>The scenario's number in shared/SCENARIOS.md; the catalog lists demos in this order.</summary>
    int Number { get; }

    /// <summary>The name on the command line: <c>demo &lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the demo shows.</summary>
    string Title { get; }

    /// <summary>The variants this demo runs on request; the command line refuses a variant's flag for any other demo.</summary>
    DemoVariants Variants => DemoVariants.None;

    /// <summary>Runs the demo, printing through <see cref="DemoContext.WriteLine"/>.</summary>
    Task RunAsync(DemoContext context);
}
