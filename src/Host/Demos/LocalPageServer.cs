using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Actors.Host.Demos;

/// <summary>
/// A minimal HTTP/1.1 server for the load-urls demo, on 127.0.0.1 and a port the system picks (never another address):
/// it answers a GET for one of its pages after the page's delay, with the page's body, a 500, or by hanging up without
/// an answer. Each connection carries one request. Disposing the server stops it: it stops listening, ends the
/// connections still open, and returns once they are closed.
/// </summary>
internal sealed class LocalPageServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 16 * 1024;
    private static readonly byte[] EndOfHeaders = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener;
    private readonly IReadOnlyDictionary<string, Page> _pages;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;

    private LocalPageServer(IReadOnlyDictionary<string, Page> pages)
    {
        _pages = pages;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _serving = ServeAsync(_stopping.Token);
    }

    /// <summary>What a page does when it is asked for.</summary>
    public enum Outcome
    {
        /// <summary>200 with a body of the page's size.</summary>
        Ok,

        /// <summary>500 Internal Server Error.</summary>
        ServerError,

        /// <summary>Closes the connection without answering.</summary>
        HangUp,
    }

    /// <summary>A page: its size (for <see cref="Outcome.Ok"/>), how long the server takes to answer, and the outcome.</summary>
    public sealed record Page(int Size, TimeSpan Delay, Outcome Outcome = Outcome.Ok);

    /// <summary>Where the server listens: <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="pages"/>, keyed by path (<c>/news</c>).</summary>
    public static LocalPageServer Start(IReadOnlyDictionary<string, Page> pages) => new(pages);

    /// <summary>Stops the server and waits until every connection is closed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _serving;
        _stopping.Dispose();
    }

    private async Task ServeAsync(CancellationToken stopping)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(stopping);
                connections.RemoveAll(connection => connection.IsCompleted);
                connections.Add(AnswerAsync(client, stopping));
            }
        }
        catch (Exception error) when (stopping.IsCancellationRequested && error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped by DisposeAsync.
        }

        await Task.WhenAll(connections);
    }

    /// <summary>Answers one request; never throws, so that one bad connection cannot stop the server.</summary>
    private async Task AnswerAsync(TcpClient client, CancellationToken stopping)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadPathAsync(stream, stopping);
                if (path is null) return;
                if (!_pages.TryGetValue(path, out var page))
                {
                    await RespondAsync(stream, "404 Not Found", "no such page"u8.ToArray(), stopping);
                    return;
                }

                await Task.Delay(page.Delay, stopping);
                switch (page.Outcome)
                {
                    case Outcome.HangUp:
                        return;
                    case Outcome.ServerError:
                        await RespondAsync(stream, "500 Internal Server Error", "the server failed"u8.ToArray(), stopping);
                        return;
                    default:
                        await RespondAsync(stream, "200 OK", Body(path, page.Size), stopping);
                        return;
                }
            }
            catch (Exception error) when (error is OperationCanceledException or IOException or SocketException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    /// <summary>Reads the request's head and returns the path of its request line, or null if it is not a GET.</summary>
    private static async Task<string?> ReadPathAsync(NetworkStream stream, CancellationToken stopping)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (buffer.AsSpan(0, length).IndexOf(EndOfHeaders) < 0)
        {
            if (length == buffer.Length) return null;
            var read = await stream.ReadAsync(buffer.AsMemory(length), stopping);
            if (read == 0) return null;
            length += read;
        }

        var requestLine = Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, length).IndexOf("\r\n"u8)).Split(' ');
        return requestLine is ["GET", var path, _] ? path : null;
    }

    private static async Task RespondAsync(NetworkStream stream, string status, byte[] body, CancellationToken stopping)
    {
        var head = $"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=us-ascii\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stopping);
        await stream.WriteAsync(body, stopping);
    }

    /// <summary>An ASCII page of exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Body(string path, int size)
    {
        var text = new StringBuilder($"<!doctype html><title>{path}</title><p>");
        while (text.Length < size) text.Append("All the news that fits in a demo. ");
        return Encoding.ASCII.GetBytes(text.ToString(0, size));
    }
}
