using Actors.Executor;

namespace Actors.Tests.Executor;

/// <summary>
/// The executor's one work queue (Python's <c>_work_queue</c>): a job goes to whichever worker is idle, so no job waits
/// behind a blocked worker while another worker has nothing to do, and jobs start in the order they were submitted.
/// </summary>
public sealed class WorkQueueTests : CoordinatorTestKit
{
    private readonly Gates _gates = new();

    [Fact]
    public async Task TwoWorkers_OneBlocked_EveryOtherJobFinishes()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var blocked = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.True(blocked.IsRunning), Patience);

        var quick = Enumerable.Range(0, 4).Select(n => executor.Submit(() => n)).ToList();

        Assert.Equal(new[] { 0, 1, 2, 3 }, await Task.WhenAll(quick.Select(f => f.ResultAsync(Patience))));
        Assert.True(blocked.IsRunning);
        _gates.Open(1);
        Assert.Equal(1, await blocked.ResultAsync(Patience));
    }

    [Fact]
    public async Task TwoWorkers_JobsQueuedBeforeTheWorkersStarted_OneBlocked_EveryOtherJobFinishes()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var jobs = Enumerable.Range(1, 40).Select(n => executor.Submit(() => n == 1 ? _gates.Run(1) : n)).ToList();

        var others = await Task.WhenAll(jobs.Skip(1).Select(f => f.ResultAsync(Patience)));

        Assert.Equal(Enumerable.Range(2, 39), others);
        Assert.True(jobs[0].IsRunning);
        _gates.Open(1);
        Assert.Equal(1, await jobs[0].ResultAsync(Patience));
        await AwaitAssertAsync(async () => Assert.Equal(0, (await executor.GetStateAsync()).InFlight), Patience);
    }

    [Fact]
    public async Task ShutdownNoWait_OneJobBlocked_ReturnsAtOnceAndTheQueuedJobsStillFinish()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var blocked = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.True(blocked.IsRunning), Patience);
        var queued = Enumerable.Range(0, 6).Select(n => executor.Submit(() => n)).ToList();

        await executor.ShutdownAsync(wait: false).WaitAsync(Patience);

        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, await Task.WhenAll(queued.Select(f => f.ResultAsync(Patience))));
        _gates.Open(1);
        Assert.Equal(1, await blocked.ResultAsync(Patience));
    }

    [Fact]
    public async Task ShutdownCancelFutures_AllWorkersBlocked_CancelsTheJobsNotStarted()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var running = new[] { executor.Submit(() => _gates.Run(1)), executor.Submit(() => _gates.Run(2)) };
        await AwaitAssertAsync(() => Assert.All(running, f => Assert.True(f.IsRunning)), Patience);
        var ran = 0;
        var queued = Enumerable.Range(0, 10).Select(_ => executor.Submit(() => Interlocked.Increment(ref ran))).ToList();

        var shutdown = executor.ShutdownAsync(wait: true, cancelFutures: true);

        await AwaitAssertAsync(() => Assert.All(queued, f => Assert.True(f.IsCancelled)), Patience);
        _gates.Open(1);
        _gates.Open(2);
        await shutdown.WaitAsync(Patience);
        Assert.Equal(0, ran);
        Assert.Equal(0, (await executor.GetStateAsync()).InFlight);
    }

    [Fact]
    public void BusyWorker_ReportsHalfABatch_IsToppedUpBeforeItRunsDry()
    {
        var (queue, worker) = (new WorkQueue(), CreateTestProbe());
        queue.Register(worker.Ref);
        queue.Accept(NewJob(0));
        Assert.Equal(0, worker.ExpectMsg<ExecutorProtocol.Job>().Id);
        for (var id = 1; id <= 40; id++) queue.Accept(NewJob(id));

        queue.Finished(worker.Ref, 1);
        ExpectJobs(worker, 1, 16);
        worker.ExpectMsg<ExecutorProtocol.ReportFinished>();
        ExpectJobs(worker, 17, 16);

        // The first half is through: the worker still holds 16 jobs, and gets the rest of the queue now, not when idle.
        queue.Finished(worker.Ref, 16);
        ExpectJobs(worker, 33, 4);
        worker.ExpectMsg<ExecutorProtocol.ReportFinished>();
        ExpectJobs(worker, 37, 4);
        worker.ExpectNoMsg(TimeSpan.Zero);
        Assert.Equal(24, queue.InFlight);
    }

    private static AcceptedJob NewJob(long id) =>
        new(new ExecutorProtocol.FunctionJob<long>(id, new ActorFuture<long>(), () => id), ActorRefs.Nobody);

    private static void ExpectJobs(TestProbe worker, long firstId, int count)
    {
        for (var id = firstId; id < firstId + count; id++) Assert.Equal(id, worker.ExpectMsg<ExecutorProtocol.Job>().Id);
    }

    [Fact]
    public async Task OneWorker_JobsStartInSubmitOrder()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var started = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var jobs = Enumerable.Range(0, 200).Select(n => executor.Submit(() =>
        {
            started.Enqueue(n);
            return n;
        })).ToList();

        await Task.WhenAll(jobs.Select(f => f.ResultAsync(Patience)));

        Assert.Equal(Enumerable.Range(0, 200), started);
    }
}
