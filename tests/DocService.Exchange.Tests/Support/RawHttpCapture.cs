using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DocService.Exchange.Tests.Support;

/// <summary>
/// A loopback TCP listener that reads one HTTP request as it came off the wire and answers it with a fixed text,
/// so a test sees the very bytes the transport sent (header names, values and order), not an object model of them.
/// </summary>
internal sealed class RawHttpCapture : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RawHttpCapture() => _listener.Start();

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/axis");

    /// <summary>Accepts one connection; answers <paramref name="answer"/> with HTTP 200 and returns the request's header lines and body.</summary>
    public async Task<(IReadOnlyList<string> Lines, byte[] Body)> CaptureAsync(string answer, CancellationToken ct)
    {
        using var client = await _listener.AcceptTcpClientAsync(ct);
        var stream = client.GetStream();
        var received = new MemoryStream();
        var buffer = new byte[8192];
        int end;
        while ((end = IndexOf(received.ToArray(), "\r\n\r\n"u8.ToArray())) < 0)
            received.Write(buffer, 0, await stream.ReadAsync(buffer, ct));
        var head = Encoding.UTF8.GetString(received.ToArray(), 0, end);
        var lines = head.Split("\r\n");
        var length = lines.Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim())).FirstOrDefault();
        while (received.Length < end + 4 + length)
            received.Write(buffer, 0, await stream.ReadAsync(buffer, ct));
        var body = received.ToArray()[(end + 4)..(end + 4 + length)];
        var answerBytes = Encoding.UTF8.GetBytes(answer);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {answerBytes.Length}\r\nConnection: close\r\n\r\n"), ct);
        await stream.WriteAsync(answerBytes, ct);
        return (lines, body);
    }

    static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                return i;
        }
        return -1;
    }

    public void Dispose() => _listener.Stop();
}

/// <summary>A clock stopped at one instant, so a request's timestamp is known in advance.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
