namespace AutoRespond.Host.Tests.Live;

/// <summary>
/// Traffic for the live tests, as small Python programs (Debian's python3): a scan of B's ports from A, a server on B, and a
/// long-lived client on A that sends a line every 100 ms and prints how its connection ended (as
/// tests/Sensor.Tests/Live/TcpEndpoints.cs).
/// </summary>
internal static class LiveEndpoints
{
    public const int Port = 7000;

    /// <summary>Connects from A to B's ports 1..N (most closed: RST) with a short timeout: a TCP port scan.</summary>
    public static string Scan(int ports) => $$"""
        import socket
        for p in range(1, {{ports + 1}}):
            s = socket.socket(); s.settimeout(0.2)
            try: s.connect(("198.18.0.2", p))
            except Exception: pass
            finally: s.close()
        print("SCANNED", flush=True)
        """;

    public const string Server = """
        import socket, threading
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("198.18.0.2", 7000)); s.listen(16); print("LISTEN", flush=True)
        def echo(c):
            try:
                while True:
                    d = c.recv(100)
                    if not d: break
                    c.sendall(d)
            except Exception: pass
        while True:
            c, _ = s.accept(); threading.Thread(target=echo, args=(c,), daemon=True).start()
        """;

    public const string Client = """
        import socket, select, time
        try:
            c = socket.create_connection(("198.18.0.2", 7000), timeout=5); c.settimeout(None); print("CONNECTED", flush=True)
            for i in range(600):
                c.sendall(b"ping %d\n" % i)
                r, _, _ = select.select([c], [], [], 2)
                if not r: print("END TIMEOUT", flush=True); break
                d = c.recv(100)
                if not d: print("END EOF", flush=True); break
                time.sleep(0.1)
            else: print("END DONE", flush=True)
        except (ConnectionResetError, ConnectionRefusedError) as e: print("END RESET", type(e).__name__, flush=True)
        except Exception as e: print("END", type(e).__name__, flush=True)
        """;
}
