using Actors.Executor;
using static Actors.Host.Demos.LocalPageServer;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 24 (concurrent.futures 案例 5): an executor of five workers loads five pages; as each future completes the
/// main program prints the page's size, or the exception that loading it raised, and goes on with the others. The
/// pages come from a small HTTP server on 127.0.0.1 that the demo starts and stops, so no internet is needed.
/// </summary>
/// <remarks>
/// What the tutorial meant, where its code says otherwise: its first two URLs lack a comma between them (Python
/// would glue them into one); <c>future_to_url(future)</c> is <c>future_to_url[future]</c>; and it prints only
/// failures, where the example it copies (Python's documentation) also prints <c>'%r page is %d bytes'</c>.
/// The made-up domain, which fails name resolution in the tutorial, is here a server that hangs up without answering.
/// The 60-second timeout of <c>load_url</c> is a guard, not a sleep: it is not scaled.
/// </remarks>
internal sealed class LoadUrlsDemo : IDemo
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);

    public int Number => 24;

    public string Name => "load-urls";

    public string Title => "five workers load five pages from a local server; each prints its size or its error, and failures stop nothing";

    public async Task RunAsync(DemoContext context)
    {
        var pages = new Dictionary<string, Page>
        {
            ["/foxnews"] = new(24_310, context.Seconds(0.5)),
            ["/cnn"] = new(61_142, context.Seconds(2)),
            ["/wsj"] = new(0, context.Seconds(1), Outcome.ServerError),
            ["/bbc"] = new(38_907, context.Seconds(1.5)),
            ["/some-made-up-domain"] = new(0, TimeSpan.Zero, Outcome.HangUp),
        };

        await using (var server = Start(pages))
        {
            context.WriteLine($"serving {pages.Count} pages on {server.BaseAddress} (some slow, one failing with 500, one hanging up)");
            var urls = pages.Keys.Select(path => new Uri(server.BaseAddress, path)).ToList();
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };

            // Retrieve a single page and return its contents.
            async Task<byte[]> LoadUrl(Uri url, TimeSpan timeout, CancellationToken cancellation)
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                deadline.CancelAfter(timeout);
                try
                {
                    using var response = await http.GetAsync(url, deadline.Token);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsByteArrayAsync(deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    throw new TimeoutException($"no answer within {timeout.TotalSeconds} s");
                }
            }

            // `await using` shuts the executor down and waits for its jobs, as Python's `with` does.
            await using (var executor = ActorExecutor.Create(context.System, new ExecutorOptions { MaxWorkers = 5 }))
            {
                // Start the load operations and mark each future with its URL.
                var futureToUrl = urls.ToDictionary(
                    url => executor.Submit(cancellation => LoadUrl(url, LoadTimeout, cancellation)), url => url);
                await foreach (var future in ActorFutures.AsCompleted(futureToUrl.Keys))
                {
                    var url = futureToUrl[future];
                    try
                    {
                        var data = await future;
                        context.WriteLine($"'{url}' page is {data.Length} bytes");
                    }
                    catch (Exception exc)
                    {
                        context.WriteLine($"'{url}' generated an exception: {Describe(exc)}");
                    }
                }
            }
        }

        context.WriteLine("server stopped");
    }

    /// <summary>The exception's type and message, with the inner message when the outer one is generic.</summary>
    private static string Describe(Exception exc) =>
        exc.InnerException is { } inner && !exc.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{exc.GetType().Name}: {exc.Message} ({inner.Message})"
            : $"{exc.GetType().Name}: {exc.Message}";
}
