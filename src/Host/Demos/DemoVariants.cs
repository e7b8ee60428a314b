namespace Actors.Host.Demos;

/// <summary>The optional variants a demo can run, each switched on by a flag of <c>demo</c>.</summary>
[Flags]
internal enum DemoVariants
{
    /// <summary>The demo has no variant: <c>--unsafe</c> and <c>--ordered</c> are refused for it.</summary>
    None = 0,

    /// <summary><c>--unsafe</c>: also run the unguarded shared-memory version.</summary>
    Unsafe = 1,

    /// <summary><c>--ordered</c>: take the locks in one global order instead of deadlocking.</summary>
    Ordered = 2,
}
