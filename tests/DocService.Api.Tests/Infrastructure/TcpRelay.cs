using System.Net;
using System.Net.Sockets;

namespace DocService.Api.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of a shared server (the test command's S3): stopping it is an outage that only the host
/// behind it sees — new connections are refused and open ones are cut — without stopping the server for anyone else.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    readonly string _host;
    readonly int _port;
    TcpListener _listener;
    readonly List<TcpClient> _open = [];
    CancellationTokenSource _running = new();
    Task _accepting = Task.CompletedTask;

    public TcpRelay(Uri target)
    {
        (_host, _port) = (target.Host, target.Port);
        _listener = Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_running.Token);
    }

    public int Port { get; }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public async Task StopAsync()
    {
        await _running.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
        try { await _accepting; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
    }

    /// <summary>Takes connections again on the same port.</summary>
    public void Start()
    {
        _running = new CancellationTokenSource();
        _listener = Listen(Port);
        _accepting = AcceptAsync(_running.Token);
    }

    static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(ct);
            _ = RelayAsync(client, ct);
        }
    }

    async Task RelayAsync(TcpClient client, CancellationToken ct)
    {
        var server = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(server);
        }
        try
        {
            await server.ConnectAsync(_host, _port, ct);
            var up = client.GetStream().CopyToAsync(server.GetStream(), ct);
            var down = server.GetStream().CopyToAsync(client.GetStream(), ct);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // the outage this relay exists to cause, or a connection the client closed
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _running.Dispose();
    }
}
