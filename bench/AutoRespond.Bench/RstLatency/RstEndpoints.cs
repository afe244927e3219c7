namespace AutoRespond.Bench.RstLatency;

/// <summary>
/// The two ends of N long-lived TCP connections (Debian's python3, one process per namespace, epoll). Each side
/// waits on every socket, so a RST is noticed the moment it arrives, and prints one line per connection end:
/// <c>RESET key time_ns</c> (ConnectionResetError), <c>EOF key time_ns</c> or <c>ERR key time_ns</c>; key is
/// the connection index on the client, the client's address on the server. The client also sends background
/// traffic (one "bg" line echoed by the server, <c>rate</c> per second over the connections not yet poked) and, on
/// <c>poke I</c> from stdin, one line on connection I: the packet the armed sensor resets. Both exit when stdin closes.
/// </summary>
internal static class RstEndpoints
{
    public const string Server = """
        import os, selectors, socket, sys, time
        host, port = sys.argv[1], int(sys.argv[2])
        ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind((host, port)); ls.listen(4096); ls.setblocking(False)
        sel = selectors.DefaultSelector(); sel.register(ls, selectors.EVENT_READ, None); sel.register(0, selectors.EVENT_READ, -1)
        out = sys.stdout; print("LISTEN", flush=True)
        def end(s, key, what):
            out.write("%s %s %d\n" % (what, key, time.time_ns())); out.flush(); sel.unregister(s); s.close()
        while True:
            for key, _ in sel.select():
                s = key.fileobj
                if key.data == -1:
                    if not os.read(0, 4096): sys.exit(0)
                    continue
                if key.data is None:
                    c, addr = ls.accept(); c.setblocking(False); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    sel.register(c, selectors.EVENT_READ, addr[0]); continue
                try:
                    d = s.recv(4096)
                    if d: s.send(d)
                    else: end(s, key.data, "EOF")
                except ConnectionResetError: end(s, key.data, "RESET")
                except OSError: end(s, key.data, "ERR")
        """;

    public const string Client = """
        import os, selectors, socket, sys, time
        n, host, port, rate = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        def addr(i): return "198.18.%d.%d" % (1 + i // 250, 1 + i % 250)
        sel = selectors.DefaultSelector(); socks = []
        for i in range(n):
            s = socket.socket(); s.bind((addr(i), 0)); s.connect((host, port))
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1); s.setblocking(False)
            socks.append(s); sel.register(s, selectors.EVENT_READ, i)
        sel.register(0, selectors.EVENT_READ, -1)
        out = sys.stdout; print("READY", flush=True)
        alive, quiet, buf, rr = set(range(n)), set(), b"", 0
        nxt = time.monotonic()
        def end(i, what):
            out.write("%s %d %d\n" % (what, i, time.time_ns())); out.flush()
            sel.unregister(socks[i]); socks[i].close(); alive.discard(i)
        while True:
            timeout = None if rate <= 0 else max(0.0, nxt - time.monotonic())
            for key, _ in sel.select(timeout):
                i = key.data
                if i == -1:
                    chunk = os.read(0, 4096)
                    if not chunk: sys.exit(0)
                    buf += chunk
                    while b"\n" in buf:
                        line, buf = buf.split(b"\n", 1)
                        j = int(line.split()[1]); quiet.add(j)
                        if j in alive:
                            try: socks[j].send(b"poke\n")
                            except OSError: end(j, "ERR")
                    continue
                try:
                    if not socks[i].recv(4096): end(i, "EOF")
                except ConnectionResetError: end(i, "RESET")
                except OSError: end(i, "ERR")
            now = time.monotonic()
            if rate > 0 and now >= nxt:
                nxt = max(nxt + 1.0 / rate, now - 0.1)
                for _ in range(n):
                    rr = (rr + 1) % n
                    if rr in alive and rr not in quiet:
                        try: socks[rr].send(b"bg\n")
                        except OSError: pass
                        break
        """;
}
