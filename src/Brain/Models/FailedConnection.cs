using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

public enum FailureKind { None, Hard, Soft }

/// <summary>
/// "Failed connection" as DETECTION.md §4 defines it (after Zeek's scan.zeek <c>is_failed_conn</c>):
/// hard = no service answered (S0, REJ, RSTOS0, SH); soft = a SYN was seen and no payload went either
/// way, yet the connection was reset or closed (RSTO, RSTR, SF, S2, S3). OTH, RSTRH, SHR (initiator
/// unknown) and S1 (still open) never count.
/// </summary>
public static class FailedConnection
{
    public static FailureKind Classify(FlowRecord flow)
    {
        if (flow.Proto != "tcp") return FailureKind.None;
        switch (flow.ConnState)
        {
            case "S0" or "REJ" or "RSTOS0" or "SH":
                return FailureKind.Hard;
            case "RSTO" or "RSTR" or "SF" or "S2" or "S3":
                bool syn = flow.History.Contains('S');
                bool data = flow.History.Contains('D') || flow.History.Contains('d');
                return syn && !data ? FailureKind.Soft : FailureKind.None;
            default:
                return FailureKind.None;
        }
    }
}
