namespace AutoRespond.Sensor.Tests.Live;

/// <summary>
/// The two ends of a long-lived TCP conversation, as small Python programs (Debian's python3): the client
/// sends a line every 100 ms and waits for its echo; each side prints how its connection ended and when
/// (time.time_ns(), the clock all namespaces share).
/// </summary>
internal static class TcpEndpoints
{
    public const int Port = 7000;

    public const string Server = """
        import socket, sys, time
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("198.18.0.2", 7000)); s.listen(1); print("LISTEN", flush=True)
        c, _ = s.accept(); print("ACCEPTED", flush=True)
        try:
            while True:
                d = c.recv(100)
                if not d: print("END EOF", time.time_ns(), flush=True); break
                c.sendall(d)
        except ConnectionResetError: print("END RESET", time.time_ns(), flush=True)
        except Exception as e: print("END", type(e).__name__, time.time_ns(), flush=True)
        """;

    public const string Client = """
        import socket, select, time
        c = socket.create_connection(("198.18.0.2", 7000), timeout=5); c.settimeout(None); print("CONNECTED", flush=True)
        try:
            for i in range(600):
                c.sendall(b"ping %d\n" % i)
                r, _, _ = select.select([c], [], [], 2)
                if not r: print("END TIMEOUT", time.time_ns(), flush=True); break
                d = c.recv(100)
                if not d: print("END EOF", time.time_ns(), flush=True); break
                if i == 5: print("ECHOING", flush=True)
                time.sleep(0.1)
        except ConnectionResetError: print("END RESET", time.time_ns(), flush=True)
        except Exception as e: print("END", type(e).__name__, time.time_ns(), flush=True)
        """;
}
