namespace AutoRespond.Sensor.Capture;

/// <summary>
/// A capture file could not be read. The message is one line naming the file and, where it applies,
/// the byte offset and packet number, e.g.
/// <c>masscan.pcap: truncated packet record at byte 80412 (packet 1004): header says 60 bytes, 12 remain</c>.
/// </summary>
public sealed class CaptureException : Exception
{
    public CaptureException(string message) : base(message)
    {
    }

    public CaptureException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public CaptureException()
    {
    }
}
