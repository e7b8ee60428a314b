using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>
/// Scenario 24: every page of the local server is reported once, with its size or its error; the failures do not stop
/// the other loads; the server listens only on 127.0.0.1 and is gone when the demo returns.
/// </summary>
public sealed partial class LoadUrlsDemoTests
{
    [Fact]
    public async Task LoadUrls_EachUrlPrintsItsSizeOrError_AndTheServerStops()
    {
        var lines = await DemoHarness.RunAsync("load-urls");

        var serving = Serving().Match(lines[1]);
        Assert.True(serving.Success, string.Join('\n', lines));
        var baseAddress = serving.Groups[1].Value;
        var port = int.Parse(serving.Groups[2].Value);

        Assert.Equal($"'{baseAddress}foxnews' page is 24310 bytes", Single(lines, baseAddress + "foxnews"));
        Assert.Equal($"'{baseAddress}cnn' page is 61142 bytes", Single(lines, baseAddress + "cnn"));
        Assert.Equal($"'{baseAddress}bbc' page is 38907 bytes", Single(lines, baseAddress + "bbc"));
        Assert.Contains("generated an exception: HttpRequestException: Response status code does not indicate success: 500",
            Single(lines, baseAddress + "wsj"));
        Assert.Contains("generated an exception: HttpRequestException", Single(lines, baseAddress + "some-made-up-domain"));
        Assert.Equal(5, lines.Count(l => l.StartsWith($"'{baseAddress}")));
        Assert.Equal("server stopped", lines[^1]);

        using var client = new TcpClient();
        var refused = await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    /// <summary>The one result line of <paramref name="url"/>.</summary>
    private static string Single(IEnumerable<string> lines, string url) => Assert.Single(lines, l => l.StartsWith($"'{url}' "));

    [GeneratedRegex(@"^serving 5 pages on (http://127\.0\.0\.1:(\d+)/) ")]
    private static partial Regex Serving();
}
