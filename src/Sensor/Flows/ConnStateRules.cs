namespace AutoRespond.Sensor.Flows;

/// <summary>Zeek's conn_state (base/protocols/conn/main.zeek) and TCP endpoint sizes (TCP_Endpoint::Size).</summary>
internal static class ConnStateRules
{
    public static string ForTcp(in FlowState f)
    {
        TcpState os = f.Orig.State, rs = f.Resp.State;
        bool origInactive = os is TcpState.Inactive or TcpState.Partial;
        bool respInactive = rs is TcpState.Inactive or TcpState.Partial;

        if (rs == TcpState.Reset)
        {
            if (os is TcpState.SynSent or TcpState.SynAckSent
                || (os == TcpState.Reset && Size(f.Orig, f.Resp) == 0 && Size(f.Resp, f.Orig) == 0))
            {
                return "REJ";
            }

            return origInactive ? "RSTRH" : "RSTR";
        }

        if (os == TcpState.Reset)
        {
            if (respInactive)
            {
                return IsSynThenReset(f) ? "RSTOS0" : "OTH";
            }

            return "RSTO";
        }

        if (rs == TcpState.Closed && os == TcpState.Closed)
        {
            return "SF";
        }

        if (os == TcpState.Closed)
        {
            return respInactive ? "SH" : "S2";
        }

        if (rs == TcpState.Closed)
        {
            return origInactive ? "SHR" : "S3";
        }

        if (os == TcpState.SynSent && rs == TcpState.Inactive)
        {
            return "S0";
        }

        return os == TcpState.Established && rs == TcpState.Established ? "S1" : "OTH";
    }

    /// <summary>UDP: SF both sides sent, S0 originator only, SHR responder only, OTH neither.</summary>
    public static string ForUdp(in FlowState f)
    {
        bool orig = IsActive(f.Orig), resp = IsActive(f.Resp);
        return orig ? (resp ? "SF" : "S0") : (resp ? "SHR" : "OTH");
    }

    /// <summary>UDP/ICMP endpoint activity: a length was recorded and is not negative (Zeek's request_len &gt;= 0).</summary>
    public static bool IsActive(in Endpoint e) => e.Active && e.PayloadBytes >= 0;

    /// <summary>The history matches Zeek's /\^?S[^HAFGIQ]*R.*/ (whole string).</summary>
    private static bool IsSynThenReset(in FlowState f)
    {
        int i = 0;
        if (f.HistoryLength > 0 && f.History[0] == '^')
        {
            i = 1;
        }

        if (i >= f.HistoryLength || f.History[i] != 'S')
        {
            return false;
        }

        for (i++; i < f.HistoryLength; i++)
        {
            byte c = f.History[i];
            if (c == 'R')
            {
                return true;
            }

            if (c is (byte)'H' or (byte)'A' or (byte)'F' or (byte)'G' or (byte)'I' or (byte)'Q')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Zeek's TCP_Endpoint::Size: payload bytes from sequence numbers, SYN and FIN octets excluded.</summary>
    public static long Size(in Endpoint e, in Endpoint peer)
    {
        ulong start = e.StartSeq;
        ulong ack = ((ulong)e.AckWraps << 32) + e.AckSeq;
        if (e.PrevState == TcpState.SynSent && e.State == TcpState.Reset
            && peer.State == TcpState.Inactive && ack != start && ack != start + 1)
        {
            return 0; // a half-open connection discovered and aborted
        }

        ulong last = ((ulong)e.SeqWraps << 32) + e.LastSeq;
        ulong top = last > ack ? last : ack;
        if (top < start)
        {
            return 0;
        }

        ulong size = top - start;
        if (size != 0)
        {
            size--;
        }

        if (e.SawFin && size != 0)
        {
            size--;
        }

        return size > long.MaxValue ? long.MaxValue : (long)size;
    }
}
