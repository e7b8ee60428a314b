// The README's "In an Akka.Hosting application" example: ReadmeExampleTests checks that the README quotes this file
// between the two markers word for word, and runs it.
// README:start
using Actors.Diagnostics;
using Actors.Executor;
using Actors.Hosting;
using Actors.Lock;
using Actors.Queue;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Tests.Hosting.Readme;

// Key types: one per registered primitive, as for IRequiredActor<TKey>.
public sealed class AccountsLock;
public sealed class JobQueue;
public sealed class Workers;

public static class ExampleHost
{
    public static IHost Build(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        builder.Services.AddAkka("app", akka => akka
            // Akka's own logging, deadlock reports included, goes to the application's ILogger (once, as a warning).
            .ConfigureLoggers(logging =>
            {
                logging.ClearLoggers();
                logging.AddLoggerFactory();
            })
            .WithDeadlockDetection(new DeadlockDetectionOptions { Resolution = DeadlockResolution.FailYoungestWaiter })
            .WithActorLock<AccountsLock>("accounts-lock")
            .WithActorQueue<JobQueue, string>("jobs", new QueueOptions<string> { MaxSize = 32 })
            .WithActorExecutor<Workers>("workers", new ExecutorOptions { MaxWorkers = 4 })
            .WithPrimitivesHealthCheck(new PrimitivesHealthCheckOptions { DegradedAfter = TimeSpan.FromSeconds(10) }));

        // The facades, injectable by key: [FromKeyedServices(typeof(JobQueue))] ActorQueue<string> jobs.
        builder.Services
            .AddActorPrimitive<AccountsLock, ActorLock>()
            .AddActorPrimitive<JobQueue, ActorQueue<string>>()
            .AddActorPrimitive<Workers, ActorExecutor>();

        builder.Services.AddHealthChecks();   // the primitives' check is among them, tagged "akka.net"
        builder.Services.AddSingleton<Accounts>();
        builder.Services.AddHostedService<JobWorker>();
        return builder.Build();
    }
}

/// <summary>A service guarded by the registered lock.</summary>
public sealed class Accounts([FromKeyedServices(typeof(AccountsLock))] ActorLock accountsLock)
{
    private decimal _balance;

    public async Task<decimal> DepositAsync(decimal amount, CancellationToken cancellationToken = default)
    {
        await using (await accountsLock.LockAsync(cancellationToken))
            return _balance += amount;
    }
}

/// <summary>Takes jobs from the registered queue and runs them on the registered executor until the host stops.</summary>
public sealed class JobWorker(
    [FromKeyedServices(typeof(JobQueue))] ActorQueue<string> jobs,
    [FromKeyedServices(typeof(Workers))] ActorExecutor workers,
    ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = await jobs.GetAsync(stoppingToken);
            var length = await workers.Submit(() => job.Length).ResultAsync(cancellationToken: stoppingToken);
            logger.LogInformation("{Job} done: {Length}", job, length);
            await jobs.TaskDoneAsync();
        }
    }
}
// README:end
