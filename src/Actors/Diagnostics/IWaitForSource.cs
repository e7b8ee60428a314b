using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>The coordinator a <see cref="WaitForReporter"/> reports for.</summary>
internal interface IWaitForSource
{
    /// <summary>The named owners holding the primitive, and whether anonymous owners hold some of it.</summary>
    (IReadOnlyList<IActorRef> Named, bool Anonymous) CurrentHolders();

    /// <summary>Has <see cref="WaitForReporter.ReportDueWaits"/> run after <paramref name="delay"/>.</summary>
    void ScheduleWaitReportCheck(TimeSpan delay);
}
