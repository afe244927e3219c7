namespace AutoRespond.Sensor.Flows;

/// <summary>Flow table limits and Zeek's connection timers (defaults are Zeek's init-bare.zeek values).</summary>
public sealed record FlowTableOptions
{
    /// <summary>Tracked flows at most; beyond it the longest-idle flow is ended and counted as evicted.</summary>
    public int MaxFlows { get; init; } = 1_000_000;

    /// <summary>tcp_inactivity_timeout: an established TCP flow idle this long ends.</summary>
    public TimeSpan TcpInactivityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>udp_inactivity_timeout; Zeek also applies it to TCP flows still in their handshake.</summary>
    public TimeSpan UdpInactivityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan IcmpInactivityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>tcp_attempt_delay: an unanswered SYN raises <see cref="IFlowObserver.OnAttemptTimedOut"/> after this.</summary>
    public TimeSpan TcpAttemptDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Zeek removes (logs) a connection when its attempt timer fires; a later SYN retransmission or RST then starts a
    /// new flow. False (the default) keeps the flow, so retransmissions stay one attempt as the models want.
    /// </summary>
    public bool AttemptEndsFlow { get; init; }

    /// <summary>tcp_close_delay: a flow closed by FINs or a RST lingers this long before it ends.</summary>
    public TimeSpan TcpCloseDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>tcp_reset_delay: after a RST that follows a FIN.</summary>
    public TimeSpan TcpResetDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>tcp_SYN_timeout: first check of a new TCP flow's expire timer.</summary>
    public TimeSpan TcpSynTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>tcp_session_timer: how often a half-closed TCP flow is re-checked.</summary>
    public TimeSpan TcpSessionTimer { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>tcp_connection_linger: idle time after a close before a half-closed flow may end.</summary>
    public TimeSpan TcpConnectionLinger { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Verify IPv4 header and TCP/UDP/ICMP checksums like Zeek without -C (bad TCP packets are only
    /// recorded as history 'C'). Off by default: offloaded captures carry bad checksums.</summary>
    public bool VerifyChecksums { get; init; }

    /// <summary>Seed of the deterministic flow uids: the same capture and seed give the same uids.</summary>
    public ulong UidSeed { get; init; }
}
