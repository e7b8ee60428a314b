namespace Actors.Tests.Support;

/// <summary>
/// Waits until a coordinator reports so many waiting requests, through the statistics every coordinator answers
/// (<see cref="CoordinatorProtocol.GetStatistics"/>), so one helper serves every primitive.
/// </summary>
public static class Waiters
{
    /// <summary>Returns once the coordinator behind <paramref name="facade"/> has exactly <paramref name="count"/> waiters.</summary>
    public static Task AwaitAsync(TestKitBase kit, CoordinatorFacade facade, int count) =>
        kit.AwaitAssertAsync(
            async () => Assert.Equal(count, (await facade.GetStatisticsAsync()).Waiting),
            TestTimes.Settle,
            TestTimes.PollInterval);

    /// <summary>Returns once <paramref name="coordinator"/> has exactly <paramref name="count"/> waiters.</summary>
    public static Task AwaitAsync(TestKitBase kit, IActorRef coordinator, int count) =>
        kit.AwaitAssertAsync(
            async () =>
            {
                var statistics = await coordinator.Ask<CoordinatorProtocol.Statistics>(
                    new CoordinatorProtocol.GetStatistics(RequestIds.Next()), TestTimes.Settle);
                Assert.Equal(count, statistics.Waiting);
            },
            TestTimes.Settle,
            TestTimes.PollInterval);
}
