namespace AutoRespond.Host.Cli;

/// <summary>Process exit codes (CONTRACT.md §1).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int UnreadableCapture = 3;
    public const int Interrupted = 130;
}
